// Validation of the policy file itself, and the shipped policy.
import { describe, expect, it } from 'vitest';
import { decide } from '../src/policy/decide.ts';
import { PolicyError, parsePolicy } from '../src/policy/policy.ts';
import { DEFAULT_POLICY } from './helpers/policies.ts';

describe('policy file', () => {
  it('accepts the shipped policy, which offers only safe programs', () => {
    const p = parsePolicy(DEFAULT_POLICY, 'shipped');
    const names = [...p.systemTools.keys()];
    for (const unsafe of ['sh', 'bash', 'rm', 'dd', 'find', 'env', 'python3', 'curl'])
      expect(names).not.toContain(unsafe);
    expect(decide(p, { twinId: 'x', tool: 'echo', kind: 'system', args: ['a'] }, false)).toEqual({ allowed: true });
    expect(decide(p, { twinId: 'x', tool: 'rm', kind: 'system', args: ['-rf', '/'] }, false).allowed).toBe(false);
    expect(decide(p, { twinId: 'x', tool: 'dd', kind: 'system', args: ['of=/tmp/x'] }, false)).toMatchObject({
      allowed: false,
      reason: 'tool dd is not allowed for twin x',
    });
  });

  it.each([
    ['not YAML', 'version: [1', /not valid YAML/],
    ['wrong version', 'version: 3\ntwins: {"*": {}}', /version/],
    ['no default twin', 'version: 1\ntwins: {a: {tools: [echo]}}', /default twin "\*" is required/],
    ['bad regex', 'version: 1\ntwins: {"*": {}}\narg_rules: {echo: {deny: ["("]}}', /regular expression/],
    ['relative path', 'version: 1\ntwins: {"*": {}}\nsystem_tools: {echo: {path: echo}}', /absolute path/],
    ['bad tool name', 'version: 1\ntwins: {"*": {tools: ["../sh"]}}', /tool name/],
    ['unknown key', 'version: 1\ntwins: {"*": {}}\nallow_everything: true', /Unrecognized key/],
  ])('rejects %s', (_name, text, message) => {
    expect(() => parsePolicy(text, 'test')).toThrow(PolicyError);
    expect(() => parsePolicy(text, 'test')).toThrow(message);
  });
});
