import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLlmClient } from '@pagi/llm';
import { createLogger, orchestratorConfigSchema } from '@pagi/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClassifier } from '../src/classify/classifier.ts';
import { classifyOffline } from '../src/classify/offline.ts';
import { evaluateOffline, formatConfusion } from '../src/index.ts';

const logger = createLogger('knowledge-test', 'silent');

describe('offline classification', () => {
  it('reaches at least 95% accuracy on the labeled evaluation set', () => {
    const r = evaluateOffline();
    process.stdout.write(
      `\nclassification: ${r.correct}/${r.documents} correct, accuracy ${(r.accuracy * 100).toFixed(1)}%\n` +
        `${formatConfusion(r.confusion)}\n${r.mistakes.map((m) => `  miss ${m.file}: ${m.actual} -> ${m.predicted}`).join('\n')}\n`,
    );
    expect(r.documents).toBeGreaterThanOrEqual(40);
    expect(r.accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('gives a confidence that separates clear documents from ambiguous ones', () => {
    const clear = classifyOffline(
      'Security audit findings: password reset tokens never expire, MFA missing for admins, CVE-2024-1234 in a dependency.',
      '.md',
      'Security Audit',
    );
    expect(clear.domain).toBe('soul');
    expect(clear.confidence).toBeGreaterThan(0.9);
    const vague = classifyOffline('Notes from Tuesday. We talked about next steps.', '.txt', 'notes');
    expect(vague.confidence).toBeLessThan(clear.confidence);
    expect(Object.values(vague.scores).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 5);
  });

  it('lets the shape of a file count: unlabeled timestamped lines read as telemetry', () => {
    const lines = Array.from(
      { length: 30 },
      (_, i) => `2025-04-01T10:00:${String(i).padStart(2, '0')}Z INFO worker job=${i} took=${40 + i}`,
    );
    expect(classifyOffline(lines.join('\n'), '.log', 'worker').domain).toBe('body');
  });
});

describe('LLM classification', () => {
  let server: Server;
  let answer = '';
  let requests = 0;
  let url = '';

  beforeAll(async () => {
    // A local OpenAI-compatible endpoint standing in for the remote LLM.
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        requests++;
        const parsed = JSON.parse(body) as { response_format?: { type: string } };
        expect(parsed.response_format?.type).toBe('json_object');
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify({
            id: 'x',
            object: 'chat.completion',
            created: 0,
            model: 'm',
            choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: answer } }],
          }),
        );
      });
    }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/chat/completions`;
  });
  afterAll(() => server.close());

  const classifier = () => {
    const config = orchestratorConfigSchema.parse({
      OPENROUTER_API_KEY: 'k',
      OPENROUTER_URL: url,
      LLM_PROVIDER: 'openrouter',
    });
    return createClassifier(createLlmClient(config), logger, 5000);
  };

  it('uses the LLM JSON answer when one is configured', async () => {
    answer = JSON.stringify({ domain: 'HEART', confidence: 0.87, reason: 'preferences' });
    const r = await classifier().classify({ title: 'Mystery', ext: '.txt', text: 'anything at all' });
    expect(r).toMatchObject({ domain: 'heart', confidence: 0.87, method: 'llm' });
    expect(requests).toBeGreaterThan(0);
  });

  it('falls back to the offline classifier when the LLM answers nonsense', async () => {
    answer = '{"domain": "spleen", "confidence": 3}';
    const r = await classifier().classify({
      title: 'Access policy',
      ext: '.yaml',
      text: 'roles:\n  admin:\n    requires: [mfa]\naudit:\n  log_every_decision: true\npolicy: default deny for every permission',
    });
    expect(r.method).toBe('offline');
    expect(r.domain).toBe('soul');
  });
});
