import { existsSync, readFileSync } from 'node:fs';
import { parseWith } from '@pagi/contracts';
import type { PromptVersion__Output as PromptVersion } from '@pagi/contracts/gen/orchestrator/PromptVersion.ts';
import { z } from 'zod';
import { type Db, statement } from '../state/db.ts';

export const MAX_PROMPT_CHARS = 32_000;

/** What an admin may submit as a new system prompt. */
export const PromptUpdate = z.object({
  prompt: z
    .string()
    .trim()
    .min(20, 'prompt must be at least 20 characters')
    .max(MAX_PROMPT_CHARS, `prompt must be at most ${MAX_PROMPT_CHARS} characters`)
    .refine((p) => !p.includes('\0'), 'prompt must not contain NUL characters'),
  author: z.string().trim().min(1, 'author is required').max(128),
  reason: z.string().trim().min(1, 'reason is required').max(1024),
});

/** Fallback when no prompt file exists: the planner still needs the JSON action contract. */
const BUILTIN_PROMPT = `You are the planning core of a personal digital twin. Answer with exactly one JSON object:
{"action":"respond","message":"..."} or {"action":"query_memory","query":"...","domains":["mind"],"top_k":5} or
{"action":"execute_tool","tool_name":"...","args":["..."],"reason":"..."}.`;

/** Versioned system prompts in SQLite; the newest version is the one every turn uses. */
export class PromptStore {
  private readonly db: Db;
  private cached: PromptVersion | null = null;

  constructor(db: Db, seedFile: string) {
    this.db = db;
    const count = (db.prepare('SELECT COUNT(*) AS n FROM system_prompts').get() as { n: number }).n;
    if (count === 0) {
      const seeded = existsSync(seedFile) ? readFileSync(seedFile, 'utf8').trim() : '';
      this.insert(seeded || BUILTIN_PROMPT, 'system', seeded ? `seeded from ${seedFile}` : 'built-in default');
    }
  }

  current(): PromptVersion {
    this.cached ??= statement(
      this.db,
      'SELECT version, prompt, author, reason, created_at AS created_at_ms FROM system_prompts ORDER BY version DESC LIMIT 1',
    ).get() as PromptVersion;
    return this.cached;
  }

  history(limit: number): PromptVersion[] {
    return statement(
      this.db,
      'SELECT version, prompt, author, reason, created_at AS created_at_ms FROM system_prompts ORDER BY version DESC LIMIT ?',
    ).all(limit) as PromptVersion[];
  }

  /** Validates and stores a new version; effective from the next turn. */
  update(input: unknown): PromptVersion {
    const { prompt, author, reason } = parseWith(PromptUpdate, input);
    return this.insert(prompt, author, reason);
  }

  private insert(prompt: string, author: string, reason: string): PromptVersion {
    const created = Date.now();
    const version = this.db.transaction(() => {
      const next =
        ((statement(this.db, 'SELECT MAX(version) AS v FROM system_prompts').get() as { v: number | null }).v ?? 0) + 1;
      statement(
        this.db,
        'INSERT INTO system_prompts (version, prompt, author, reason, created_at) VALUES (?, ?, ?, ?, ?)',
      ).run(next, prompt, author, reason, created);
      return next;
    })();
    this.cached = { version, prompt, author, reason, created_at_ms: created };
    return this.cached;
  }
}
