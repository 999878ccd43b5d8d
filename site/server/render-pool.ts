import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SitePage } from '../src/lib/site-pages.ts';
import { SiteError } from '../src/errors.ts';
import type { RenderJob } from './render-worker.ts';

/**
 * Renders `pages` into `outDir` on worker threads, one per core: rendering is CPU work, and the
 * host's own thread would use one core only. Each worker builds its own site model from a copy
 * of the snapshot (a pure function of it, so the pages are the same bytes as rendered in process).
 * @throws SiteError with the first worker's error (a RenderError's message, naming the page).
 */
export async function renderInWorkers(
  job: Omit<RenderJob, 'pages'> & { pages: SitePage[] },
  threads = os.availableParallelism(),
): Promise<void> {
  // Interleaved, so each worker gets a like mix of long article pages and short list pages.
  const shares = Array.from({ length: Math.max(1, threads) }, (_, w) => job.pages.filter((_, i) => i % threads === w));
  await Promise.all(
    shares.map(
      (pages) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(new URL('./render-worker-boot.mjs', import.meta.url), {
            workerData: { ...job, pages } satisfies RenderJob,
          });
          worker.once('message', () => resolve());
          worker.once('error', (err) => reject(new SiteError(err.message)));
          worker.once('exit', (code) => {
            if (code !== 0) reject(new SiteError(`a render worker exited with code ${code}`));
          });
        }),
    ),
  );
}
