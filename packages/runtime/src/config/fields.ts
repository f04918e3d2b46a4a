import path from 'node:path';
import { z } from 'zod';
import { fromRoot } from './root.ts';

/** Zod building blocks for environment variables (all arrive as strings). */

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

export const port = (fallback: number) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: 'expected a port number (0-65535)' })
      .int('expected a port number (0-65535)')
      .min(0, 'expected a port number (0-65535)')
      .max(65535, 'expected a port number (0-65535)')
      .default(fallback),
  );

export const int = (fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: 'expected an integer' })
      .int('expected an integer')
      .min(min, `expected an integer >= ${min}`)
      .max(max, `expected an integer <= ${max}`)
      .default(fallback),
  );

const TRUE = ['true', '1', 'yes', 'on'];
const FALSE = ['false', '0', 'no', 'off'];

export const bool = (fallback: boolean) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined) return fallback;
        const s = v.trim().toLowerCase();
        if (TRUE.includes(s)) return true;
        if (FALSE.includes(s)) return false;
        ctx.addIssue({ code: 'custom', message: 'expected true or false' });
        return z.NEVER;
      }),
  );

const decimal = (min: number, max: number) =>
  z.coerce
    .number({ error: 'expected a number' })
    .min(min, `expected a number >= ${min}`)
    .max(max, `expected a number <= ${max}`);

/** A decimal number in [min, max]. */
export const num = (fallback: number, min: number, max: number) =>
  z.preprocess(emptyToUndefined, decimal(min, max).default(fallback));

/** A decimal number in [min, max]; undefined when unset. */
export const optionalNumber = (min: number, max: number) =>
  z.preprocess(emptyToUndefined, decimal(min, max).optional());

/** One of a fixed set of words. */
export const choice = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  z.preprocess(emptyToUndefined, z.enum(values).default(fallback));

export const str = (fallback: string) => z.preprocess(emptyToUndefined, z.string().default(fallback));

export const optionalStr = () => z.preprocess(emptyToUndefined, z.string().optional());

export const url = (fallback: string) =>
  z.preprocess(emptyToUndefined, z.url({ error: 'expected a URL such as http://127.0.0.1:8182' }).default(fallback));

export const optionalUrl = () =>
  z.preprocess(emptyToUndefined, z.url({ error: 'expected a URL such as http://127.0.0.1:6334' }).optional());

export const logLevel = () =>
  z.preprocess(
    emptyToUndefined,
    z
      .enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'], {
        error: 'expected one of trace, debug, info, warn, error, fatal, silent',
      })
      .default('info'),
  );

/** Variables every service reads. */
export const common = {
  LOG_LEVEL: logLevel(),
  /** Interface the service listens on; compose sets 0.0.0.0, bare metal keeps services on loopback. */
  BIND_HOST: str('127.0.0.1'),
  DATA_DIR: str('data'),
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl(),
  /** Shared secret of the internal gRPC calls; unset, one is made in `<DATA_DIR>/state/service-token`. */
  SERVICE_TOKEN: optionalStr(),
};

/**
 * Absolute path of a state folder: the explicit override when set, else `<DATA_DIR>/<sub>`.
 * Relative paths are taken from the repository root.
 */
export function dataDir(config: { DATA_DIR: string }, override: string | undefined, sub: string): string {
  return fromRoot(override ?? path.join(config.DATA_DIR, sub));
}

const enumOf = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  z.preprocess(
    emptyToUndefined,
    z.enum(values, { error: `expected one of ${values.join(', ')}` }).default(fallback as never) as z.ZodDefault<
      z.ZodEnum<{ [K in T[number]]: K }>
    >,
  );

/** Accounts and sessions, read by the gateway and the orchestrator (they share the accounts database). */
export const auth = {
  /** `off` only for one person on a loopback-only node: every request is the local admin. */
  AUTH_MODE: enumOf(['on', 'off'], 'on'),
  /** The accounts database; default `<DATA_DIR>/state/auth.sqlite`. */
  AUTH_DB: optionalStr(),
  /** At first start (no account yet): an admin account holding this API key, for scripts and CI. */
  PAGI_ADMIN_API_KEY: optionalStr(),
  SESSION_IDLE_HOURS: int(72, 1),
  SESSION_MAX_DAYS: int(30, 1),
  /** Session cookies marked Secure: when the request came over TLS (`auto`), `always` or `never`. */
  AUTH_COOKIE_SECURE: enumOf(['auto', 'always', 'never'], 'auto'),
  /** Failed sign-ins allowed per account and per address in the window, before further tries are refused. */
  AUTH_LOGIN_MAX_FAILURES: int(5, 1),
  AUTH_LOGIN_MAX_FAILURES_PER_ADDRESS: int(20, 1),
  AUTH_LOGIN_WINDOW_SECONDS: int(900, 1),
};
