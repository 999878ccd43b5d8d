import { parentPort, workerData } from 'node:worker_threads';
import type { RenderConfig } from '../src/lib/render-config.ts';
import type { SitePage } from '../src/lib/site-pages.ts';
import { siteModel } from '../src/lib/site-model.ts';
import type { Snapshot } from '../src/lib/snapshot.ts';
import { BodyStore } from './body-store.ts';
import { OutputDir } from './output-files.ts';
import { loadCompiled, renderPage } from './page-renderer.ts';

/** What a render worker is given: the content (structured-cloned, bodies left on disk), which pages, and where to write them. */
export type RenderJob = {
  serverEntry: string;
  snapshot: Snapshot;
  bodiesDir: string;
  config: RenderConfig;
  pages: SitePage[];
  outDir: string;
};

/** Renders its share of a build's pages from its own copy of the site model (see render-pool.ts). */
async function run(job: RenderJob): Promise<void> {
  const site = await loadCompiled({ serverEntry: job.serverEntry });
  const locals = { model: siteModel(job.snapshot), config: job.config, bodies: new BodyStore(job.bodiesDir) };
  const out = new OutputDir(job.outDir);
  for (const page of job.pages) await out.write(page.file, await renderPage(site, page, job.config.siteUrl, locals));
  parentPort?.postMessage({ rendered: job.pages.length });
}

await run(workerData as RenderJob);
