// Answers rendered as Markdown: the structure people expect (headings, lists, tables, links, highlighted code),
// and nothing a message writes can run: HTML stays text, script links and images are inert.
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Markdown } from './Markdown.tsx';

const RICH = [
  '## Plan',
  '',
  'Some **bold** and *emphasis*, a [docs link](https://example.com/docs) and mail to <mailto:ops@example.com>.',
  '',
  '- first',
  '- second',
  '',
  '1. one',
  '2. two',
  '',
  '| Tool | Use |',
  '| --- | --- |',
  '| `ls` | list files |',
  '',
  '```js',
  'const answer = 42; // the answer',
  '```',
].join('\n');

let copied: string[] = [];
beforeEach(() => {
  copied = [];
  vi.stubGlobal('isSecureContext', true);
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: async (text: string) => void copied.push(text) },
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'clipboard');
});

describe('answers in Markdown', () => {
  it('renders headings, emphasis, lists, tables and links that open safely in a new tab', () => {
    const { container } = render(<Markdown text={RICH} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Plan' })).toBeDefined();
    expect(container.querySelector('strong')?.textContent).toBe('bold');
    expect(container.querySelector('em')?.textContent).toBe('emphasis');
    expect([...container.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual(['first', 'second']);
    expect([...container.querySelectorAll('ol > li')].map((li) => li.textContent)).toEqual(['one', 'two']);
    const cells = [...container.querySelectorAll('table td')].map((td) => td.textContent);
    expect(cells).toEqual(['ls', 'list files']);
    const link = screen.getByRole('link', { name: 'docs link' });
    expect(link.getAttribute('href')).toBe('https://example.com/docs');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(screen.getByRole('link', { name: 'mailto:ops@example.com' }).getAttribute('href')).toBe(
      'mailto:ops@example.com',
    );
  });

  it('highlights a fenced block by its language and copies exactly its code', async () => {
    const { container } = render(<Markdown text={RICH} />);
    const block = screen.getByTestId('code-block');
    expect(block.dataset.language).toBe('js');
    const code = container.querySelector('pre code');
    expect(code?.className).toContain('language-js');
    expect(code?.querySelector('.hljs-keyword')?.textContent).toBe('const');
    expect(code?.querySelector('.hljs-comment')?.textContent).toBe('// the answer');
    await userEvent.click(screen.getByRole('button', { name: 'Copy code' }));
    expect(copied).toEqual(['const answer = 42; // the answer']);
    expect(screen.getByTestId('copy-code').dataset.state).toBe('copied');
  });

  it('keeps a line break a line break', () => {
    const { container } = render(<Markdown text={'first line\nsecond line'} />);
    expect(container.querySelectorAll('br')).toHaveLength(1);
  });
});

describe('injection attempts stay inert', () => {
  it('shows script and event-handler HTML as literal text and creates no such element', () => {
    const text = [
      'Before <script>window.__pwned = 1</script> after',
      '',
      '<img src="x" onerror="window.__pwned = 2">',
      '',
      '<iframe src="https://example.com"></iframe>',
    ].join('\n');
    const { container } = render(<Markdown text={text} />);
    expect(container.querySelector('script, img, iframe')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
    expect(container.textContent).toContain('<script>window.__pwned = 1</script>');
    expect(container.textContent).toContain('<img src="x" onerror="window.__pwned = 2">');
    expect(container.textContent).toContain('<iframe src="https://example.com"></iframe>');
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('drops javascript:, data: and vbscript: link targets, keeping the link text', () => {
    const text = [
      '[click me](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:msgbox)',
      '[enc](&#106;avascript:alert(1)) <javascript:alert(2)> [rel](/admin)',
    ].join('\n');
    const { container } = render(<Markdown text={text} />);
    expect(container.querySelectorAll('a')).toHaveLength(0);
    for (const label of ['click me', 'data', 'vb', 'enc', 'rel']) expect(container.textContent).toContain(label);
  });

  it('loads no image: a Markdown image becomes a link to it, and an unsafe one plain text', () => {
    const { container } = render(<Markdown text={'![chart](https://example.com/c.png) ![bad](javascript:alert(1))'} />);
    expect(container.querySelector('img')).toBeNull();
    const links = [...container.querySelectorAll('a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([['chart', 'https://example.com/c.png']]);
    expect(container.textContent).toContain('bad');
  });
});
