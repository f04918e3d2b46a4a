import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startExpectingFailure } from './helpers/memory-process.ts';

/** A port that nothing listens on. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  await new Promise((r) => srv.close(r));
  return port;
}

describe('memory service start-up', () => {
  it('exits non-zero with a clear message when the configured Qdrant never answers', async () => {
    const port = await closedPort();
    const started = Date.now();
    const { code, output } = await startExpectingFailure({
      QDRANT_URL: `http://127.0.0.1:${port}`,
      QDRANT_CONNECT_TIMEOUT_MS: '1500',
    });
    expect(code).toBe(1);
    expect(output).toContain(`Qdrant at http://127.0.0.1:${port} (QDRANT_URL) did not answer`);
    expect(output).toMatch(/Qdrant not reachable yet, retrying/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('names the variable when the configuration is invalid', async () => {
    const { code, output } = await startExpectingFailure({ MEMORY_MAX_BATCH: 'lots' });
    expect(code).toBe(1);
    expect(output).toMatch(/MEMORY_MAX_BATCH: expected an integer/);
  });
});
