import { search, type Meili } from './meili-http.ts';

export type LoopCounts = { searches: number; failed: number; empty: number };

/**
 * Searches `index` back to back (10 ms apart) until stopped, counting failed answers (not HTTP 200
 * or no answer) and empty ones (0 hits for a word every article contains). Bounded by `maxMs`.
 */
export function searchLoop(m: Meili, index: string, q = 'developer', maxMs = 900_000): { stop(): Promise<LoopCounts> } {
  const counts: LoopCounts = { searches: 0, failed: 0, empty: 0 };
  let running = true;
  const start = performance.now();
  const done = (async () => {
    while (running && performance.now() - start < maxMs) {
      const answer = await search(m, index, { q, limit: 5, attributesToRetrieve: ['title'] });
      counts.searches++;
      if (answer.status !== 200) counts.failed++;
      else if (answer.hits.length === 0) counts.empty++;
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  return {
    async stop() {
      running = false;
      await done;
      return counts;
    },
  };
}
