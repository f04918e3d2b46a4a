import { z } from 'zod';

// The tools service's policy file (config/tools_policy.yaml): the tools service loads it, and Consensus Sync checks a
// proposed policy with the same schema before the fleet votes on it.

const regex = z.string().refine(
  (s) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);

const toolName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$/, 'not a valid tool name');

/** Argument rules of one tool: bounds, patterns an argument must not match, patterns each must match. */
export const argRulesSchema = z
  .object({
    max_count: z.number().int().min(0).max(1024).optional(),
    max_length: z.number().int().min(1).max(65_536).optional(),
    deny: z.array(regex).max(64).default([]),
    allow: z.array(regex).max(64).optional(),
  })
  .strict();

export const policySchema = z
  .object({
    version: z.literal(1),
    /** Bounds applied to every tool's arguments unless its own rules say otherwise. */
    limits: z
      .object({
        max_args: z.number().int().min(0).max(1024).default(64),
        max_arg_length: z.number().int().min(1).max(65_536).default(4096),
      })
      .strict()
      .default({ max_args: 64, max_arg_length: 4096 }),
    /** System programs the policy makes available, by tool name. */
    system_tools: z
      .record(
        toolName,
        z
          .object({
            path: z.string().regex(/^\/[^\0]*$/, 'must be an absolute path'),
            description: z.string().max(300).default(''),
          })
          .strict(),
      )
      .default({}),
    /** Allowlists per twin id; "*" applies to every twin without its own entry. */
    twins: z
      .record(
        z.string().regex(/^(\*|[A-Za-z0-9._@-]{1,128})$/, 'twin ids are "*" or letters, digits, ".", "_", "@", "-"'),
        z
          .object({
            /** Tool names (system or builtin) the twin may run; "*" allows every known one. */
            tools: z.array(z.union([toolName, z.literal('*')])).default([]),
            /** Whether the twin may run tools compiled into the tools repository. */
            compiled_tools: z.boolean().default(false),
          })
          .strict(),
      )
      .refine((t) => '*' in t, { message: 'an entry for the default twin "*" is required' }),
    /** Argument rules per tool name (any kind). */
    arg_rules: z.record(toolName, argRulesSchema).default({}),
    /** Destructive commands refused unless ALLOW_RESTRICTED_COMMANDS=true. */
    restricted: z
      .array(
        z
          .object({
            tools: z.array(toolName).min(1),
            /** Restricted only when an argument matches one of these; always restricted when absent. */
            when_args: z.array(regex).optional(),
            reason: z.string().min(1).max(300),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

export type PolicyFile = z.infer<typeof policySchema>;
export type ArgRules = z.infer<typeof argRulesSchema>;
