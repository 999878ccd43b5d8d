import os from 'node:os';
import { describeError } from './errors.ts';
import type { Logger } from './logger.ts';

/** Unix niceness of one-off bulk commands: below the services, above nothing else in particular. */
export const BULK_NICENESS = 10;

/**
 * Lowers this process's CPU priority for a bulk command (`search-sync reindex`). The command only
 * feeds Meilisearch, which does the real work on the same cores alongside Strapi and live searches,
 * so giving Meilisearch the cores first finishes the reindex sooner (the reindex bench measures it).
 * Where the OS refuses, the command runs as it is.
 */
export function yieldToServices(log: Logger): void {
  try {
    if (os.getPriority() < BULK_NICENESS) os.setPriority(BULK_NICENESS);
  } catch (err) {
    log.debug({ err: describeError(err) }, 'could not lower the CPU priority; running at the current one');
  }
}
