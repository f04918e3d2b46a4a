// The offline planner's written answers: a tool's output stays in its result card (the answer says how the run
// went and whether the output was cut), and a denial says in code style what did not run.
import type { ActionResult, PendingAction } from '@pagi/contracts';
import { describe, expect, it } from 'vitest';
import { denialAnswer, resultForLlm, templateAnswer } from '../src/planner/answers.ts';

const run = (over: Partial<Extract<ActionResult, { kind: 'execute_tool' }>> = {}): ActionResult => ({
  kind: 'execute_tool',
  tool_name: 'ls',
  args: ['-la', '/'],
  output: 'bin\nboot\ndev\n',
  stderr: '',
  exit_code: 0,
  truncated: false,
  timed_out: false,
  duration_ms: 5,
  sandbox: 'bwrap',
  ...over,
});

describe('answers after a tool run', () => {
  it('does not repeat the output, and counts its lines', () => {
    const text = templateAnswer(run());
    expect(text).toBe('`ls -la /` finished successfully. It printed 3 lines, shown in the result above.');
    expect(text).not.toContain('boot');
  });

  it('says when the output was cut, when the run failed and when it printed nothing', () => {
    expect(templateAnswer(run({ truncated: true, output: 'x'.repeat(10) }))).toBe(
      '`ls -la /` finished successfully. It printed 1 line, shown in the result above. ' +
        'The output was cut at the size limit, so only its beginning was kept.',
    );
    expect(templateAnswer(run({ exit_code: 2, output: '', stderr: 'no such file' }))).toBe(
      '`ls -la /` exited with code 2. It printed nothing. It also wrote to its error output, shown under it.',
    );
    expect(templateAnswer(run({ timed_out: true, exit_code: -1 }))).toMatch(
      /^`ls -la \/` was stopped after timing out/,
    );
  });

  it('tells the model the output was cut and that the person already sees it', () => {
    const text = resultForLlm(run({ truncated: true }));
    expect(text).toContain('output cut at the size limit');
    expect(text).toContain('do not repeat it whole');
  });
});

describe('the answer after a denial', () => {
  const action = (args: PendingAction['args']): PendingAction => ({
    action_id: 'a',
    job_id: 'j',
    session_id: 's',
    twin_id: 't',
    kind: 'tool_name' in args ? 'execute_tool' : 'query_memory',
    args,
    args_hash: '',
    status: 'denied',
    created_at: '',
    expires_at: '',
  });

  it('names the command in code style, quoted only where the shell would need it', () => {
    expect(denialAnswer(action({ tool_name: 'ls', args: ['-la', '/'], reason: '' }))).toBe('I did not run `ls -la /`.');
    expect(denialAnswer(action({ tool_name: 'echo', args: ['a b'], reason: '' }))).toBe("I did not run `echo 'a b'`.");
    expect(denialAnswer(action({ query: 'keys', domains: [], top_k: 5, namespace: 'kb' }))).toBe(
      'I did not search your memory for "keys".',
    );
  });
});
