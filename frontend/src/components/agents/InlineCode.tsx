/** A sentence of a run (a step, a reason, a result) with its `backquoted` commands shown as code. */
export function InlineCode({ text }: { text: string }) {
  const parts = text.split(/`([^`\n]+)`/);
  if (parts.length === 1) return text;
  return (
    <>
      {parts.map((part, i) =>
        // Odd positions are what stood between backquotes.
        i % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text are positional
          <code key={i}>{part}</code>
        ) : (
          part
        ),
      )}
    </>
  );
}
