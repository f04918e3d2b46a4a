import { Fragment } from 'react';

/** Answers may carry `inline code` and ``` fenced blocks: render those, keep everything else as plain text. */
export function RichText({ text }: { text: string }) {
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
              // biome-ignore lint/suspicious/noArrayIndexKey: parts of one immutable string
              j % 2 === 1 ? <code key={j}>{seg}</code> : <Fragment key={j}>{seg.replace(/^\n+|\n+$/g, '')}</Fragment>,
            )}
          </Fragment>
        ),
      )}
    </>
  );
}
