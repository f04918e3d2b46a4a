import { readFileSync } from 'node:fs';
import { describeIssues, type PolicyFile, policySchema } from '@pagi/contracts';
import { parse } from 'yaml';

export interface CompiledArgRules {
  maxCount: number;
  maxLength: number;
  deny: RegExp[];
  allow?: RegExp[];
}

export interface Restriction {
  whenArgs?: RegExp[];
  reason: string;
}

export interface TwinAllowlist {
  all: boolean;
  tools: Set<string>;
  compiled: boolean;
}

/** A validated policy with its patterns compiled, ready for decisions. */
export interface Policy {
  systemTools: Map<string, { path: string; description: string }>;
  twins: Map<string, TwinAllowlist>;
  argRules: Map<string, CompiledArgRules>;
  defaultArgRules: CompiledArgRules;
  restricted: Map<string, Restriction[]>;
}

export class PolicyError extends Error {
  override name = 'PolicyError';
}

/** Parses and validates policy text (YAML, of which JSON is a subset). Throws PolicyError naming the problem. */
export function parsePolicy(text: string, source: string): Policy {
  let raw: unknown;
  try {
    raw = parse(text, { maxAliasCount: 100 });
  } catch (err) {
    throw new PolicyError(`${source}: not valid YAML: ${(err as Error).message}`);
  }
  const result = policySchema.safeParse(raw);
  if (!result.success) throw new PolicyError(`${source}: ${describeIssues(result.error)}`);
  return compile(result.data);
}

export function loadPolicyFile(file: string): Policy {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new PolicyError(`${file}: cannot read: ${(err as Error).message}`);
  }
  return parsePolicy(text, file);
}

function compile(p: PolicyFile): Policy {
  const re = (list: string[]) => list.map((s) => new RegExp(s));
  const defaultArgRules: CompiledArgRules = {
    maxCount: p.limits.max_args,
    maxLength: p.limits.max_arg_length,
    deny: [],
  };
  const restricted = new Map<string, Restriction[]>();
  for (const r of p.restricted) {
    for (const tool of r.tools) {
      const list = restricted.get(tool) ?? [];
      list.push({ whenArgs: r.when_args ? re(r.when_args) : undefined, reason: r.reason });
      restricted.set(tool, list);
    }
  }
  return {
    systemTools: new Map(Object.entries(p.system_tools)),
    twins: new Map(
      Object.entries(p.twins).map(([id, t]) => [
        id,
        { all: t.tools.includes('*'), tools: new Set(t.tools.filter((n) => n !== '*')), compiled: t.compiled_tools },
      ]),
    ),
    argRules: new Map(
      Object.entries(p.arg_rules).map(([tool, r]) => [
        tool,
        {
          maxCount: r.max_count ?? p.limits.max_args,
          maxLength: r.max_length ?? p.limits.max_arg_length,
          deny: re(r.deny),
          allow: r.allow ? re(r.allow) : undefined,
        },
      ]),
    ),
    defaultArgRules,
    restricted,
  };
}
