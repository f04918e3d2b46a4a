import { useEffect, useRef, useState } from 'react';
import { Icon } from '../common/Icon.tsx';
import { copyText } from './clipboard.ts';

const SHOWN_MS = 1500;

/**
 * Copies what `text` returns when pressed and says so for a moment ("Copied", or "Copy failed"). The text is read
 * at the press, so a message still being written is copied as it then stands.
 */
export function CopyButton({ text, label, testId }: { text: () => string; label: string; testId?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const onClick = async () => {
    const ok = await copyText(text());
    setState(ok ? 'copied' : 'failed');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), SHOWN_MS);
  };
  const shown = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy';
  return (
    <button
      type="button"
      className={`copy-btn${state === 'copied' ? ' copy-btn--done' : ''}`}
      aria-label={state === 'idle' ? label : shown}
      title={label}
      data-testid={testId}
      data-state={state}
      onClick={onClick}
    >
      <Icon name="copy" size={14} />
      <span className="copy-btn__text">{shown}</span>
    </button>
  );
}
