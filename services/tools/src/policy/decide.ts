import type { Policy } from './policy.ts';

export type ToolKind = 'system' | 'compiled' | 'builtin';

export interface DecisionInput {
  twinId: string;
  tool: string;
  kind: ToolKind;
  args: string[];
}

export type Decision = { allowed: true } | { allowed: false; reason: string };

const DEFAULT_TWIN = '*';
const show = (arg: string) => JSON.stringify(arg.length > 60 ? `${arg.slice(0, 60)}…` : arg);

/** The allowlist that applies to a twin: its own entry, else the default "*" entry. */
export function twinAllowlist(policy: Policy, twinId: string) {
  return policy.twins.get(twinId) ?? policy.twins.get(DEFAULT_TWIN)!;
}

export function isAllowedFor(policy: Policy, twinId: string, tool: string, kind: ToolKind): boolean {
  const entry = twinAllowlist(policy, twinId);
  return kind === 'compiled' ? entry.compiled : entry.all || entry.tools.has(tool);
}

/** The reason a command is restricted for these arguments, if it is. */
export function restrictionOf(policy: Policy, tool: string, args: string[]): string | undefined {
  for (const r of policy.restricted.get(tool) ?? []) {
    if (!r.whenArgs || args.some((a) => r.whenArgs!.some((re) => re.test(a)))) return r.reason;
  }
  return undefined;
}

/**
 * Decides whether a twin may run a tool with these arguments: restricted commands first (unless the
 * ALLOW_RESTRICTED_COMMANDS gate is open), then the twin's allowlist, then the tool's argument rules.
 */
export function decide(
  policy: Policy,
  input: DecisionInput,
  allowRestricted: boolean,
  scope: 'full' | 'restricted-only' = 'full',
): Decision {
  const { tool, twinId, args } = input;
  const restricted = restrictionOf(policy, tool, args);
  if (restricted && !allowRestricted) {
    return {
      allowed: false,
      reason: `${tool} is a restricted command (${restricted}); ALLOW_RESTRICTED_COMMANDS is off`,
    };
  }
  if (scope === 'restricted-only') return { allowed: true };
  if (!isAllowedFor(policy, twinId, tool, input.kind)) {
    return { allowed: false, reason: `tool ${tool} is not allowed for twin ${twinId || DEFAULT_TWIN}` };
  }
  const rules = policy.argRules.get(tool) ?? policy.defaultArgRules;
  if (args.length > rules.maxCount) {
    return { allowed: false, reason: `${tool} accepts at most ${rules.maxCount} arguments (got ${args.length})` };
  }
  for (const [i, arg] of args.entries()) {
    if (arg.length > rules.maxLength) {
      return { allowed: false, reason: `argument ${i + 1} of ${tool} is longer than ${rules.maxLength} characters` };
    }
    if (rules.deny.some((re) => re.test(arg))) {
      return { allowed: false, reason: `argument ${i + 1} of ${tool} (${show(arg)}) is refused by the policy` };
    }
    if (rules.allow && !rules.allow.some((re) => re.test(arg))) {
      return { allowed: false, reason: `argument ${i + 1} of ${tool} (${show(arg)}) is not among the permitted forms` };
    }
  }
  return { allowed: true };
}
