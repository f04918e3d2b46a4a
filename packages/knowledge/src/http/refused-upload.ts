import type { FastifyRequest } from 'fastify';

// An upload refused before its body has fully arrived (too large, wrong type, bad name). The client may still be
// sending: a little more is read and dropped so that it reads the answer — the gateway's own bound is just above
// this service's, so what it forwards ends within that — while a client that keeps sending, or never sends the
// rest it announced, has its connection closed.

const LINGER_BYTES = 1024 * 1024;
const LINGER_MS = 2000;

export function drainRefusedUpload(req: FastifyRequest): void {
  const raw = req.raw;
  if (raw.complete) return;
  let extra = 0;
  const cut = () => raw.socket?.destroy();
  const timer = setTimeout(cut, LINGER_MS);
  timer.unref();
  raw.on('data', (chunk: Buffer) => {
    extra += chunk.length;
    if (extra > LINGER_BYTES) cut();
  });
  raw.once('close', () => clearTimeout(timer));
  raw.once('end', () => clearTimeout(timer));
  raw.resume();
}
