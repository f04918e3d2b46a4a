import type { MemoryHit } from '@pagi/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AssistantTurn } from '../../context/chat/chatModel.ts';
import { citedResult, hitAnchorId } from './citations.ts';

/** How long a hit stays highlighted after its citation was followed. */
export const HIGHLIGHT_MS = 2500;

/** What RichText needs to turn `[n]` markers into links to the hits of a result. */
export interface CiteOptions {
  hits: MemoryHit[];
  onCite: (n: number) => void;
}

/**
 * Citations of one assistant turn: following one brings its hit card into view, moves focus there (so keyboard and
 * screen reader users land on what was cited) and highlights it briefly.
 */
export function useCitations(turn: AssistantTurn) {
  const cited = citedResult(turn);
  const actionId = cited?.actionId;
  const [highlighted, setHighlighted] = useState<{ actionId: string; n: number } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const onCite = useCallback(
    (n: number) => {
      if (!actionId) return;
      setHighlighted({ actionId, n });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setHighlighted(null), HIGHLIGHT_MS);
      const card = document.getElementById(hitAnchorId(actionId, n));
      if (!card) return;
      card.focus({ preventScroll: true });
      const still = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      card.scrollIntoView?.({ block: 'center', behavior: still ? 'auto' : 'smooth' });
    },
    [actionId],
  );

  const cite: CiteOptions | undefined = cited?.result.results.length
    ? { hits: cited.result.results, onCite }
    : undefined;
  return { cite, highlighted };
}
