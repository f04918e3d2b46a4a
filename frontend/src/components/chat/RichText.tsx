import { Fragment } from 'react';
import { hitTitle, splitCitations } from './citations.ts';
import type { CiteOptions } from './useCitations.ts';

/**
 * Answers may carry `inline code` and ``` fenced blocks: render those, keep everything else as plain text. With
 * `cite`, markers such as [1] in the plain text (never in code) that name a hit become links to it.
 */
export function RichText({ text, cite }: { text: string; cite?: CiteOptions }) {
  const parts = text.split(/```[^\n`]*\n?([\s\S]*?)(?:```|$)/g);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one immutable string
          <pre key={i} className="msg__code">
            {part.replace(/\n$/, '')}
          </pre>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one immutable string
          <Fragment key={i}>
            {part.split(/`([^`\n]+)`/g).map((seg, j) =>
              j % 2 === 1 ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: parts of one immutable string
                <code key={j}>{seg}</code>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: parts of one immutable string
                <Fragment key={j}>
                  <Plain text={seg.replace(/^\n+|\n+$/g, '')} cite={cite} />
                </Fragment>
              ),
            )}
          </Fragment>
        ),
      )}
    </>
  );
}

function Plain({ text, cite }: { text: string; cite?: CiteOptions }) {
  if (!cite) return text;
  return splitCitations(text, cite.hits.length).map((s, k) =>
    s.kind === 'text' ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: parts of one immutable string
      <Fragment key={k}>{s.text}</Fragment>
    ) : (
      <button
        // biome-ignore lint/suspicious/noArrayIndexKey: parts of one immutable string
        key={k}
        type="button"
        className="cite"
        data-cite={s.n}
        aria-label={`Source ${s.n}: ${hitTitle(cite.hits[s.n - 1]!)}`}
        title={hitTitle(cite.hits[s.n - 1]!)}
        onClick={() => cite.onCite(s.n)}
      >
        {s.text}
      </button>
    ),
  );
}
