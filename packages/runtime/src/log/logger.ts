import { pino } from 'pino';

export type Logger = pino.Logger;

/** Secrets that must never reach a log line, wherever they appear in a logged object. */
const REDACT = [
  '*.OPENROUTER_API_KEY',
  '*.QDRANT_API_KEY',
  '*.apiKey',
  '*.api_key',
  '*.authorization',
  '*.headers.authorization',
  'config.OPENROUTER_API_KEY',
  'config.QDRANT_API_KEY',
];

/**
 * A pino JSON logger for one service, honouring LOG_LEVEL. `lines` receives each JSON line instead of stdout (tests
 * read what a service logged).
 */
export function createLogger(
  service: string,
  requested: string = process.env.LOG_LEVEL ?? 'info',
  lines?: (line: string) => void,
): Logger {
  // An invalid LOG_LEVEL is reported by the config check; the logger must still work to say so.
  const level = requested in pino.levels.values || requested === 'silent' ? requested : 'info';
  const options = {
    name: service,
    level,
    base: { service },
    redact: { paths: REDACT, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return lines ? pino(options, { write: lines }) : pino(options);
}
