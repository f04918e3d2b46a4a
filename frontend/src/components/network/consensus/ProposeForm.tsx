import { type ArtifactVersion, CreateProposal, PROPOSAL_KINDS, type ProposalKind } from '@pagi/contracts';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { errorText } from '../../../services/http.ts';
import { KIND_TEXT, shortId } from './labels.ts';

/** A request from elsewhere in the panel to open the form on an artifact (`at` makes each request new). */
export interface ProposeRequest {
  kind: ProposalKind;
  target: string;
  rollbackTo: number | null;
  at: number;
}

interface Props {
  artifacts: ArtifactVersion[];
  request: ProposeRequest | null;
  onPropose: (proposal: CreateProposal) => Promise<string>;
}

const DEADLINES = [
  { s: 120, text: '2 minutes' },
  { s: 600, text: '10 minutes' },
  { s: 3600, text: '1 hour' },
  { s: 86_400, text: '1 day' },
  { s: 7 * 86_400, text: '7 days' },
];

const FIELD_TEXT: Record<string, string> = { target: 'Target', payload: 'Content', reason: 'Reason' };

/** Proposes a change (new content, or going back to a version this node holds) for the whole fleet to vote on. */
export function ProposeForm({ artifacts, request, onPropose }: Props) {
  const [kind, setKind] = useState<ProposalKind>('agent_template');
  const [target, setTarget] = useState('default');
  const [content, setContent] = useState('');
  const [reason, setReason] = useState('');
  const [deadline, setDeadline] = useState(86_400);
  const [rollbackTo, setRollbackTo] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const kindRef = useRef<HTMLSelectElement>(null);
  const lastPrefill = useRef('');
  const ids = { kind: useId(), target: useId(), content: useId(), reason: useId(), deadline: useId() };

  const artifactsNow = useRef(artifacts);
  artifactsNow.current = artifacts;
  const held = artifacts.find((a) => a.kind === kind && a.target === target.trim());

  // The content starts as what this node holds, unless the person has already written something else.
  const heldContent = held?.content ?? '';
  useEffect(() => {
    const prev = lastPrefill.current;
    lastPrefill.current = heldContent;
    setContent((cur) => (cur === prev ? heldContent : cur));
  }, [heldContent]);

  useEffect(() => {
    if (!request) return;
    setKind(request.kind);
    setTarget(request.target);
    setRollbackTo(request.rollbackTo);
    const a = artifactsNow.current.find((x) => x.kind === request.kind && x.target === request.target);
    if (a && request.rollbackTo === null) {
      lastPrefill.current = a.content;
      setContent(a.content);
    }
    setError(null);
    setNotice(null);
    kindRef.current?.focus();
  }, [request]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setNotice(null);
    const body =
      rollbackTo === null
        ? { kind, target, payload: content, reason, deadline_s: deadline }
        : { kind, target, rollback_to: rollbackTo, reason, deadline_s: deadline };
    const parsed = CreateProposal.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = FIELD_TEXT[String(issue?.path[0] ?? '')];
      setError(field ? `${field}: ${issue?.message}` : (issue?.message ?? 'the proposal is not complete'));
      return;
    }
    setBusy(true);
    try {
      const id = await onPropose(parsed.data);
      setNotice(`Proposed to the fleet as ${shortId(id)}.`);
      setReason('');
      setRollbackTo(null);
    } catch (err) {
      setError(`The fleet was not asked: ${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="propose-form" data-testid="propose-form" aria-label="Propose a change" onSubmit={submit}>
      <div className="propose-form__row">
        <div className="field">
          <label htmlFor={ids.kind}>Kind</label>
          <select id={ids.kind} ref={kindRef} value={kind} onChange={(e) => setKind(e.target.value as ProposalKind)}>
            {PROPOSAL_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_TEXT[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.target}>Target</label>
          <input id={ids.target} type="text" value={target} onChange={(e) => setTarget(e.target.value)} />
        </div>
      </div>
      {rollbackTo === null ? (
        <div className="field">
          <label htmlFor={ids.content}>Content (the whole new text)</label>
          <textarea
            id={ids.content}
            className="propose-form__content"
            rows={8}
            spellCheck={false}
            value={content}
            onChange={(e) => setContent(e.target.value)}
          />
          <span className="muted small">
            {held
              ? `Prefilled with version ${held.version}, which this node holds.`
              : 'This node holds no fleet version of this artifact: write its whole content.'}
          </span>
        </div>
      ) : (
        <p className="propose-form__rollback" data-testid="rollback-note">
          Going back to version {rollbackTo} of {kind} {target}, as this node holds it.{' '}
          <button type="button" className="btn btn--ghost btn--sm" onClick={() => setRollbackTo(null)}>
            Write new content instead
          </button>
        </p>
      )}
      <div className="field">
        <label htmlFor={ids.reason}>Reason</label>
        <input
          id={ids.reason}
          type="text"
          value={reason}
          maxLength={1024}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <div className="propose-form__row">
        <div className="field">
          <label htmlFor={ids.deadline}>Voting closes after</label>
          <select id={ids.deadline} value={deadline} onChange={(e) => setDeadline(Number(e.target.value))}>
            {DEADLINES.map((d) => (
              <option key={d.s} value={d.s}>
                {d.text}
              </option>
            ))}
          </select>
        </div>
        <div className="propose-form__submit">
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {busy ? 'Proposing…' : 'Propose to the fleet'}
          </button>
        </div>
      </div>
      {error && (
        <p className="approval__error" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p className="muted small" role="status">
          {notice}
        </p>
      )}
    </form>
  );
}
