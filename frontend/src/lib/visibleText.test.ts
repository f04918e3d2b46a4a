import { describe, expect, it } from 'vitest';
import { hasHidden, visibleSegments } from './visibleText.ts';

describe('visible text', () => {
  it('leaves ordinary text, accents and emoji alone', () => {
    for (const t of ['ls -la /tmp', 'café naïve', 'résumé.pdf', '日本語', 'rocket 🚀', 'a|b; $(x)']) {
      expect(visibleSegments(t)).toEqual([{ text: t, hidden: false }]);
      expect(hasHidden(t)).toBe(false);
    }
  });

  it('shows direction overrides, zero-width, tag and control characters as escapes', () => {
    const rlo = 'invoice\u202Egnp.exe';
    expect(visibleSegments(rlo)).toEqual([
      { text: 'invoice', hidden: false },
      { text: '\\u{202E}', hidden: true, codePoint: 'U+202E' },
      { text: 'gnp.exe', hidden: false },
    ]);
    const all = ['\u200B', '\u200D', '\u2066', '\u2069', '\uFEFF', '\u00AD', '\u0007', '\u{E0041}', '\n'];
    for (const c of all) {
      expect(hasHidden(`a${c}b`)).toBe(true);
      const [, middle] = visibleSegments(`a${c}b`);
      expect(middle?.hidden).toBe(true);
      expect(middle?.text).toMatch(/^\\/);
    }
    expect(visibleSegments('x\ny')[1]).toMatchObject({ text: '\\n' });
  });
});
