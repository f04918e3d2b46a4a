// Soak: SOAK_SECONDS (default 600) of mixed traffic against the real stack on loopback — chats with approvals
// (tool runs and memory searches) over the gateway's WebSocket, memory queries, files dropped, changed and deleted
// in the ingest folder, telemetry streams joining and leaving, media uploads (valid, wrong type, oversized). Every
// loop is bounded in rate. Prints one JSON object: each service's resident memory after warm-up and at the end,
// 5xx and internal-error counts, and whether every stored file's knowledge is there exactly once.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createClient, loadProto, unary } from '@pagi/runtime';
import { TEST_SERVICE_TOKEN } from '@pagi/tests/helpers/service-token.ts';
import { type Stack, startStack } from '@pagi/tests/helpers/stack.ts';
import { type FrameClient, WsClient } from '@pagi/tests/helpers/ws-client.ts';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
// Long enough for every service's heap to reach its working size (the orchestrator's takes ~2 minutes of traffic).
const WARMUP_SECONDS = Math.min(120, Math.max(5, Math.floor(SECONDS / 5)));
const SERVICES = ['memory', 'tools', 'orchestrator', 'telemetry', 'gateway'];
const MAX_MEDIA = 1_000_000;

const log = (msg: string) => process.stderr.write(`[soak] ${msg}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const counts = { turns: 0, approvals: 0, queries: 0, uploads: 0, rejected_uploads: 0, streams: 0, files: 0 };
const problems = { http_5xx: 0, internal_errors: 0, failed_turns: 0, details: [] as string[] };
const note = (what: string) => {
  if (problems.details.length < 20) problems.details.push(what);
};

const stack: Stack = await startStack({
  services: SERVICES,
  env: { LOG_LEVEL: 'warn', MEDIA_MAX_BYTES: String(MAX_MEDIA), INGEST_WRITE_STABILITY_MS: '200' },
});
const gw = stack.url('gateway');
const ingestDir = path.join(stack.dataDir, 'ingest');
const rssMb = (service: string) =>
  Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${stack.pid(service)}/status`, 'utf8'))?.[1]) / 102.4) /
  10;

async function http(p: string, init?: RequestInit): Promise<Response> {
  const res = await fetch(gw + p, init);
  if (res.status >= 500) {
    problems.http_5xx++;
    note(`${init?.method ?? 'GET'} ${p} -> ${res.status} ${await res.clone().text()}`);
  }
  return res;
}

let running = true;
const until = Date.now() + SECONDS * 1000;

/** One person chatting: answers, tool runs and memory searches, approving what the twin proposes. */
async function chatter(id: number): Promise<void> {
  let c: FrameClient = await WsClient.open(gw, `/ws/chat/soak-user-${id}`);
  const session = `soak-${id}`;
  const messages = [
    'hello twin',
    `run echo soak ${id}`,
    'search my memory for incident runbook',
    'what is the weather',
  ];
  for (let n = 0; running; n++) {
    if (c.closed) c = await WsClient.open(gw, `/ws/chat/soak-user-${id}`);
    const message = messages[n % messages.length]!;
    const from = c.frames.length;
    c.send({ type: 'chat', message, session_id: session, twin_id: 'soak' });
    const fresh = (f: Record<string, unknown>) => c.frames.indexOf(f as never) >= from;
    const first = await c.next(
      (f) =>
        fresh(f) &&
        (f.type === 'approval_required' || f.type === 'error' || (f.type === 'response' && f.done === true)),
      30_000,
    );
    counts.turns++;
    if (first.type === 'approval_required') {
      const action = (first as unknown as { action: { action_id: string } }).action;
      c.send({ type: 'approval', action_id: action.action_id, decision: 'approve', session_id: session });
      const end = await c.next(
        (f) =>
          fresh(f) &&
          ((f.type === 'response' && f.done === true && f.status !== 'awaiting_approval') || f.type === 'error'),
        30_000,
      );
      counts.approvals++;
      if (end.type === 'error' || end.status === 'failed') {
        problems.failed_turns++;
        note(`turn failed: ${JSON.stringify(end).slice(0, 300)}`);
      }
    }
    if (first.type === 'error') {
      problems.failed_turns++;
      note(`chat error: ${JSON.stringify(first).slice(0, 300)}`);
    }
    // Keep the recorded frames bounded over a long run.
    if (c.frames.length > 2000) c.frames.splice(0, c.frames.length - 200);
    await sleep(150);
  }
  await c.close();
}

async function querier(): Promise<void> {
  const queries = ['security audit procedures', 'latency of the gateway', 'preferences of the user', 'deploy key'];
  for (let n = 0; running; n++) {
    await http('/api/memory/query', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: queries[n % queries.length], top_k: 5 }),
    });
    counts.queries++;
    await sleep(100);
  }
}

/** Files come, change and go; the files present at the end are checked against memory. */
const present = new Map<string, string>();
async function ingester(): Promise<void> {
  for (let n = 0; running; n++) {
    const name = `soak-note-${n % 12}.md`;
    const file = path.join(ingestDir, name);
    if (n % 7 === 6 && present.has(name)) {
      rmSync(file, { force: true });
      present.delete(name);
    } else {
      const text = `# Soak note ${n % 12}\n\nRevision ${n}. ${'The incident runbook says to rotate keys and page the on-call. '.repeat(20 + (n % 30))}\n`;
      writeFileSync(file, text);
      present.set(name, text);
    }
    counts.files++;
    await sleep(1500);
  }
}

async function streamer(): Promise<void> {
  while (running) {
    const ctl = new AbortController();
    const res = await http('/v1/telemetry/stream', { signal: ctl.signal }).catch(() => undefined);
    if (res?.body) {
      const reader = res.body.getReader();
      await Promise.race([reader.read().catch(() => undefined), sleep(3000)]);
      await sleep(500 + Math.random() * 1500);
    }
    ctl.abort();
    counts.streams++;
    await sleep(200);
  }
}

async function uploader(): Promise<void> {
  for (let n = 0; running; n++) {
    const kind = n % 3;
    const fd = new FormData();
    const size = kind === 2 ? MAX_MEDIA + 50_000 : 20_000;
    fd.append(
      'file',
      new Blob([new Uint8Array(size).fill(n % 251)], { type: kind === 1 ? 'text/html' : 'audio/webm' }),
      'clip.weba',
    );
    const res = await http('/api/media/upload', { method: 'POST', body: fd }).catch((err: Error) => {
      // Refused while still sending: the connection closes under the client.
      if (kind !== 2) note(`upload failed: ${err.message}`);
      return undefined;
    });
    if (res && res.status < 300) counts.uploads++;
    else counts.rejected_uploads++;
    await res?.body?.cancel();
    await sleep(400);
  }
}

log(`stack up; ${SECONDS} s of traffic after ${WARMUP_SECONDS} s of warm-up`);
const loops = [
  ...Array.from({ length: 4 }, (_, i) => chatter(i)),
  querier(),
  ingester(),
  streamer(),
  streamer(),
  uploader(),
];
const settled = Promise.allSettled(loops);
await sleep(WARMUP_SECONDS * 1000);
const start = Object.fromEntries(SERVICES.map((s) => [s, rssMb(s)]));
log(`warm: ${JSON.stringify(start)}`);
const timeline: Record<string, number>[] = [];
while (Date.now() < until) {
  await sleep(Math.min(30_000, Math.max(0, until - Date.now())));
  const now = Object.fromEntries(SERVICES.map((s) => [s, rssMb(s)]));
  timeline.push(now);
  log(`rss ${JSON.stringify(now)} ${JSON.stringify(counts)}`);
}
running = false;
const results = await settled;
for (const r of results) if (r.status === 'rejected') note(`a traffic loop failed: ${(r.reason as Error).message}`);
const end = Object.fromEntries(SERVICES.map((s) => [s, rssMb(s)]));

// The knowledge base after the dust settles: every present file stored exactly once, deleted ones gone.
const memory = createClient(
  loadProto('memory').memory.MemoryService,
  stack.addresses.MEMORY_GRPC_ADDR!,
  TEST_SERVICE_TOKEN,
);
const settledStatus = async () =>
  (await (await fetch(`${gw}/api/knowledge/ingest/status`)).json()) as { status: { is_active: boolean } };
for (let i = 0; i < 120 && (await settledStatus()).status.is_active; i++) await sleep(500);
const chunks = new Map<string, string[]>();
let token = '';
do {
  const page = await unary(memory, 'ListMemories', { namespace: 'knowledge', limit: 1000, page_token: token });
  for (const m of page.memories) {
    const key = `${m.source?.file}#${m.source?.chunk_index}`;
    chunks.set(m.source?.file ?? '', [...(chunks.get(m.source?.file ?? '') ?? []), key]);
  }
  token = page.next_page_token;
} while (token);
memory.close();
const soakSources = [...chunks.keys()].filter((s) => s.startsWith('ingest:soak-note-'));
const missing = [...present.keys()].filter((name) => !chunks.has(`ingest:${name}`));
const stale = soakSources.filter((s) => !present.has(s.slice('ingest:'.length)));
const duplicated = soakSources.filter((s) => new Set(chunks.get(s)).size !== chunks.get(s)!.length);
const internal = SERVICES.flatMap((s) =>
  stack
    .logs(s)
    .split('\n')
    .filter((l) => /"level":(50|60)/.test(l)),
);
problems.internal_errors = internal.length;
for (const l of internal.slice(0, 5)) note(l.slice(0, 300));
await stack.close();

const rss = Object.fromEntries(
  SERVICES.map((s) => {
    const grew = end[s]! - start[s]!;
    return [
      s,
      {
        warm_mb: start[s],
        end_mb: end[s],
        grew_mb: Math.round(grew * 10) / 10,
        ok: grew <= Math.max(50, start[s]! * 0.1),
      },
    ];
  }),
);
console.log(
  JSON.stringify(
    {
      benchmark: 'soak',
      seconds: SECONDS,
      warmup_seconds: WARMUP_SECONDS,
      traffic: counts,
      rss,
      rss_every_30s: timeline,
      errors: problems,
      knowledge: {
        files_present: present.size,
        missing,
        stale_after_delete: stale,
        duplicated,
        ok: missing.length === 0 && stale.length === 0 && duplicated.length === 0,
      },
    },
    null,
    2,
  ),
);
