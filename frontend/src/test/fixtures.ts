import type { FileProgress, MeResponse, PendingAction } from '@pagi/contracts';

export function toolAction(over: Partial<PendingAction> = {}): PendingAction {
  return {
    action_id: 'act-1',
    job_id: 'job-1',
    session_id: 'session-a',
    twin_id: 'twin-default',
    kind: 'execute_tool',
    args: { tool_name: 'echo', args: ['hello', 'world'], reason: 'the user asked' },
    args_hash: 'h1',
    status: 'pending',
    created_at: '2026-01-01T00:00:00.000Z',
    // Far ahead: a card past its expiry shows as expired and offers no decision.
    expires_at: '2099-01-01T00:10:00.000Z',
    ...over,
  };
}

export function memoryAction(over: Partial<PendingAction> = {}): PendingAction {
  return toolAction({
    action_id: 'act-m',
    kind: 'query_memory',
    args: { query: 'security policy', domains: ['soul'], top_k: 5, namespace: 'default' },
    ...over,
  });
}

export function file(over: Partial<FileProgress> = {}): FileProgress {
  return {
    id: 'f1',
    path: '/data/ingest/security-audit.md',
    name: 'security-audit.md',
    title: 'Security Audit',
    stage: 'queued',
    chunks_done: 0,
    chunks_total: 0,
    domain: null,
    confidence: null,
    error: null,
    updated_at: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}

/** /api/auth/me as the gateway answers it; defaults to a signed-in operator with accounts on. */
/** A stored note whose classification was unsure: heart, with body close behind. */
export const doubtfulFile = (over: Partial<FileProgress> = {}) =>
  file({
    title: 'Weekly Check In',
    stage: 'stored',
    domain: 'heart',
    confidence: 0.664,
    low_confidence: true,
    runner_up: 'body',
    runner_up_confidence: 0.316,
    ...over,
  });

export function me(over: Partial<MeResponse> = {}): MeResponse {
  return {
    auth_mode: 'on',
    setup_required: false,
    oidc: false,
    user: { id: 'u-1', name: 'ada', role: 'operator' },
    via: 'session',
    csrf_token: 'csrf-1',
    ...over,
  };
}

export const meAsViewer = () => me({ user: { id: 'u-2', name: 'vic', role: 'viewer' } });
export const meSignedOut = (over: Partial<MeResponse> = {}) => me({ user: null, via: null, csrf_token: null, ...over });
