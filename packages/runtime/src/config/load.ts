import { existsSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { repoRoot } from './root.ts';

/** Raised when the environment does not satisfy a service's schema; the message names every bad variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

let dotenvLoaded = false;

/** Loads `.env` from the repository root once, without overriding variables already set. */
export function loadDotEnv(): void {
  if (dotenvLoaded) return;
  dotenvLoaded = true;
  const file = process.env.PAGI_ENV_FILE ?? path.join(repoRoot(), '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}

/**
 * Parses the environment with a service's zod schema. Fails fast with a message naming each variable,
 * e.g. `MEMORY_GRPC_PORT: expected a port number (1-65535), got "abc"`.
 */
export function loadConfig<S extends z.ZodType>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
  opts: { dotenv?: boolean } = {},
): z.infer<S> {
  if (opts.dotenv !== false && env === process.env) loadDotEnv();
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '(environment)');
    const raw = env[key];
    return `  ${key}: ${issue.message}${raw === undefined ? '' : ` (got ${JSON.stringify(raw)})`}`;
  });
  throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
}
