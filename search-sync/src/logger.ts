import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logger; `destination` 2 (stderr) keeps stdout clean for CLI output. */
export function createLogger(level: string, destination: 1 | 2 = 1): Logger {
  return pino({ name: 'search-sync', level }, pino.destination({ fd: destination, sync: true }));
}
