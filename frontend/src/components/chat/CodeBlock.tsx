import { type ReactNode, useRef } from 'react';
import { CopyButton } from './CopyButton.tsx';

/** A fenced code block of an answer: its language, a copy button for exactly the code, and the highlighted code. */
export function CodeBlock({ language, children }: { language: string | null; children: ReactNode }) {
  const pre = useRef<HTMLPreElement>(null);
  return (
    <div className="code-block" data-testid="code-block" data-language={language ?? undefined}>
      <div className="code-block__head">
        <span className="code-block__lang">{language ?? 'text'}</span>
        <CopyButton
          label="Copy code"
          testId="copy-code"
          text={() => (pre.current?.textContent ?? '').replace(/\n$/, '')}
        />
      </div>
      <pre ref={pre} className="msg__code">
        {children}
      </pre>
    </div>
  );
}
