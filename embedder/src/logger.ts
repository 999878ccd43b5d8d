import { type Logger, pino } from 'pino';

export type { Logger };

/** Structured JSON logs on stdout. */
export function createLogger(level: string): Logger {
  return pino({ name: 'embedder', level }, pino.destination({ fd: 1, sync: true }));
}
