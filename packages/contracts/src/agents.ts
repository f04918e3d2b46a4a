import { z } from 'zod';
import { DOMAINS, Domain } from './domains.ts';
import { ToolName } from './ids.ts';

// Agent templates (config/agents/*.yaml, and those the fleet agreed on): what an agent is for, what it may propose,
// and its bounds. The file's name is the template's name.

export const AgentName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lowercase letters, digits, dot, dash or underscore, at most 64');

export const AgentTemplate = z
  .object({
    name: AgentName,
    description: z.string().trim().min(1).max(500),
    /** The agent's role, given to the planner with the goal. */
    role: z.string().trim().min(20, 'role must be at least 20 characters').max(8000),
    /** Tools it may propose (each run still needs the tool policy's leave and, by default, a person's approval). */
    tools: z.array(ToolName).max(64).default([]),
    /** Memory domains it may search. */
    memory_domains: z
      .array(Domain)
      .min(1)
      .default([...DOMAINS]),
    max_steps: z.number().int().min(1).max(100).default(8),
    step_timeout_s: z.number().int().min(1).max(3600).default(120),
    /** Working time of a run, waits for approvals and sub-agents not counted. */
    timeout_s: z.number().int().min(1).max(86_400).default(1800),
    /** Bounds when an LLM plans: tokens and money per run. */
    budget: z
      .object({
        max_tokens: z.number().int().min(100).max(10_000_000).optional(),
        max_cost_usd: z.number().min(0).max(1000).optional(),
      })
      .strict()
      .default({}),
    /** Actions that may run without a card, if the owner enables it: only read-only memory searches ever may. */
    auto_approve: z
      .array(
        z.enum(['query_memory'], { error: 'only query_memory (a read-only memory search) may run without a card' }),
      )
      .max(1)
      .default([]),
  })
  .strict();
export type AgentTemplate = z.infer<typeof AgentTemplate>;

export const TemplateOrigin = z.enum(['config', 'fleet']);

export const AgentTemplateList = z.object({
  templates: z.array(AgentTemplate.extend({ origin: TemplateOrigin, file: z.string() })),
  /** Files that could not be loaded, by name, with why; the others load regardless. */
  errors: z.array(z.object({ file: z.string(), message: z.string() })),
});
export type AgentTemplateList = z.infer<typeof AgentTemplateList>;
