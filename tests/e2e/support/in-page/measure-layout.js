// Runs in the page (passed to page.evaluate as source): what of the current view reaches past the viewport, and
// which figures are wider than their box.
(figures) => {
  const vw = window.innerWidth;
  const describe = (el) => {
    const r = el.getBoundingClientRect();
    const id = el.getAttribute('data-testid');
    const cls = typeof el.className === 'string' ? el.className.trim().split(/\s+/).slice(0, 2).join('.') : '';
    const text = (el.textContent ?? '').trim().slice(0, 40);
    return `<${el.tagName.toLowerCase()}${id ? ` data-testid=${id}` : ''}${cls ? ` .${cls}` : ''}> ${Math.round(r.left)}..${Math.round(r.right)} "${text}"`;
  };
  const scroller = document.scrollingElement ?? document.documentElement;
  const main = document.querySelector('#main');
  // Content inside a box that scrolls or clips sideways on purpose (code, a wide table) is that box's own business.
  const clipped = (el) => {
    for (let p = el.parentElement; p && p !== main; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== 'visible') return true;
    }
    return false;
  };
  const wide = [];
  for (const el of main ? main.querySelectorAll('*') : []) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if ((r.width > vw + 1 || r.right > vw + 1 || r.left < -1) && !clipped(el)) wide.push(describe(el));
  }
  // When the page itself scrolls sideways, name what reaches past its right edge, wherever it sits.
  const outside = [];
  if (scroller.scrollWidth > vw) {
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > vw + 1 && !main?.contains(el)) outside.push(describe(el));
    }
  }
  const cut = [];
  for (const el of document.querySelectorAll(figures)) {
    if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) cut.push(describe(el));
  }
  return {
    pageScroll: scroller.scrollWidth > vw ? { scrollWidth: scroller.scrollWidth, innerWidth: vw } : null,
    mainScroll:
      main && main.scrollWidth > main.clientWidth + 1
        ? { scrollWidth: main.scrollWidth, clientWidth: main.clientWidth }
        : null,
    wide: wide.slice(0, 12),
    outside: outside.slice(0, 12),
    cut,
  };
};
