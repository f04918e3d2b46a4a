// The model's notes when a run becomes a playbook: its description and the values it names as parameters, a value
// that is not in the run dropped, and nothing (the playbook is then extracted plainly) when the model fails.
import { createLlmClient } from '@pagi/llm';
import { createLogger } from '@pagi/runtime';
import { type FakeLlm, json, startFakeLlm } from '@pagi/tests/helpers/fake-llm.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePlaybookNotes } from '../src/agents/playbook-writer.ts';

let llm: FakeLlm;
const logger = createLogger('test', 'silent');
const steps = [
  { kind: 'query_memory' as const, query: 'backups of nas-01', pre_approved: false },
  { kind: 'execute_tool' as const, tool_name: 'ping', args: ['-c', '1', 'nas-01'], pre_approved: false },
];

beforeAll(async () => {
  llm = await startFakeLlm();
});
afterAll(() => llm?.close());

const client = () =>
  createLlmClient({
    LLM_PROVIDER: 'openrouter',
    OPENROUTER_API_KEY: 'k',
    OPENROUTER_URL: llm.url,
    OPENROUTER_MODEL: 'm',
    LLM_TIMEOUT_MS: 5000,
  })!;

describe('playbook notes written by the model', () => {
  it('takes the description and the parameters whose values the run contains', async () => {
    llm.queue.push(
      json({
        description: 'Checks that a NAS answers and what memory says about its backups.',
        params: [
          { name: 'host', value: 'nas-01', description: 'the NAS to check' },
          { name: 'site', value: 'paris', description: 'not in the run' },
        ],
      }),
    );
    const notes = await writePlaybookNotes(client(), logger, 5000, 'check nas-01 and its backups', steps);
    expect(notes).toEqual({
      description: 'Checks that a NAS answers and what memory says about its backups.',
      params: { host: 'nas-01' },
      descriptions: { host: 'the NAS to check' },
    });
    const sent = llm.requests.at(-1)?.body.messages?.[1]?.content ?? '';
    expect(JSON.parse(sent)).toEqual({
      goal: 'check nas-01 and its backups',
      steps: ['search memory for "backups of nas-01"', 'run ping -c 1 nas-01'],
    });
  });

  it('gives nothing when the model fails, so the playbook is extracted from the run', async () => {
    llm.queue.push({ status: 500 }, { status: 500 });
    expect(await writePlaybookNotes(client(), logger, 5000, 'g', steps)).toBeNull();
  });
});
