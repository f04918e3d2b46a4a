import { visibleSegments } from '../../lib/visibleText.ts';

/**
 * Text with every invisible or direction-changing character shown as a marked escape, in its own left-to-right
 * isolate so the surrounding layout cannot reorder it either. Used for what an approval card says will run.
 */
export function VisibleText({ text }: { text: string }) {
  return (
    <bdi className="visible-text" dir="ltr">
      {visibleSegments(text).map((s, i) =>
        s.hidden ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
          <mark key={i} className="hidden-char" title={`invisible character ${s.codePoint}`}>
            {s.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
          <span key={i}>{s.text}</span>
        ),
      )}
    </bdi>
  );
}
