import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, launchChromium, startMeili, startStrapi, startTestEmbedder, stopAll } from '@stackguide/test-kit';
import { serveBuild } from './serve-build.ts';
import { cmsEnv, fixtureCopy } from './fixtures.ts';
import { seedVectors } from './fixture-vectors.ts';
import { makeRunDir } from './paths.ts';
import { stepLog } from '@stackguide/runtime';
import { openSearchPage, type Samples, typeQueries } from './keystroke-probe.ts';
import { cmsNames, realisticQueries } from './queries.ts';
import { startRecording } from './results.ts';
import { startSearchSync, waitForSyncReady } from './search-sync-process.ts';
import { searchJsGzipBytes } from './dist-sizes.ts';
import { build, buildDirs } from './site-build.ts';
import { summarize } from './stats.ts';
import { renderTable } from './table.ts';

const EMBEDDER_KEY = 'keystroke-embedder-key-0123456';

/** Topics of the generated articles besides the CMS's skill and role names, which the bench adds. */
const TOPICS = [
  'postgresql',
  'react',
  'kubernetes',
  'typescript',
  'docker',
  'graphql',
  'backend developer',
  'frontend',
  'salary',
  'testing',
];

/**
 * The queries to type: every name once as typed whole, as a prefix, with a typo and paired, before
 * any query repeats; a repeated query finds its postings in memory and would flatter the figures.
 */
export async function keystrokeQueries(strapiUrl: string, token: string, samples: number): Promise<string[]> {
  const names = new Set([...TOPICS, ...(await cmsNames(strapiUrl, token))].map((n) => n.toLowerCase()));
  return realisticQueries([...names], samples).filter((q) => q.length > 2);
}

/**
 * Bench 4 (browser part): keystroke → results painted, and → sections painted (the section upgrade
 * that follows), on the built /search/ page in headless Chromium, against our index, with each
 * Meilisearch request's share. The last character of each query is typed
 * after the prefix's results settled. `articles: 0` runs on the seeded demo content alone.
 */
export async function keystrokeBench(opts: { articles: number; samples: number; semantic: boolean }): Promise<void> {
  const recording = startRecording();
  const runDir = makeRunDir('keys-');
  const log = stepLog('keystroke');
  try {
    const fixture = await fixtureCopy(opts.articles, path.join(runDir, 'cms.db'), log);
    const { secrets } = fixture;
    const meili = await startMeili({ dataDir: path.join(runDir, 'meili'), masterKey: secrets.MEILI_MASTER_KEY });
    const cms = await startStrapi({
      env: cmsEnv(secrets, fixture.databaseFilename, { SEED_ON_START: 'false' }),
      databaseFilename: fixture.databaseFilename,
    });
    // With semantic search on, as `npm start` runs it: each keystroke's results are followed by the
    // query by meaning, which the next keystroke's results must not wait behind.
    const embedder = opts.semantic ? await startTestEmbedder({ apiKey: EMBEDDER_KEY }) : null;
    const syncDir = path.join(runDir, 'sync');
    if (embedder) seedVectors(opts.articles, syncDir);
    const env = {
      STRAPI_URL: cms.url,
      STRAPI_READ_TOKEN: secrets.STRAPI_READ_TOKEN,
      WEBHOOK_SECRET: secrets.WEBHOOK_SECRET,
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: secrets.MEILI_MASTER_KEY,
      SEARCH_SYNC_PORT: String(await freePort()),
      SEARCH_SYNC_DATA_DIR: syncDir,
      RECONCILE_INTERVAL: '10m',
      ...(embedder ? { EMBEDDER_URL: embedder.url, EMBEDDER_API_KEY: EMBEDDER_KEY } : {}),
    };
    const sync = await startSearchSync(env);
    log('indexing');
    await waitForSyncReady(sync);
    log('building the site with the search key');
    const dirs = buildDirs(runDir);
    await build(cms.url, secrets.STRAPI_READ_TOKEN, dirs, {
      env: { MEILI_PUBLIC_URL: meili.url, MEILI_SEARCH_KEY: await sync.searchKey(), ...(embedder ? { EMBEDDER_URL: embedder.url } : {}) },
    });
    const site = await serveBuild(dirs.outDir);
    const browser = await launchChromium();
    try {
      const page = await openSearchPage(browser, `${site.url}/search/`);
      const queries = await keystrokeQueries(cms.url, secrets.STRAPI_READ_TOKEN, opts.samples);
      const { samples, missed, noSections, nothingFound } = await typeQueries(page, queries);
      const s = summarize(samples.painted);
      const summary = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarize(v)])) as Record<
        keyof Samples,
        ReturnType<typeof summarize>
      >;
      const js = searchJsGzipBytes(dirs.outDir);
      const where = `${opts.articles === 0 ? 'the seeded demo content' : `${opts.articles} generated articles`}${opts.semantic ? ', semantic search on' : ''}`;
      console.log(`\nkeystroke → results painted, then → sections painted, headless Chromium, /search/ at ${where} (ms)\n`);
      const rows: [string, keyof Samples][] = [
        ['keystroke → results painted', 'painted'],
        ['… keydown → results request sent', 'beforeRequest'],
        ['… results request (Resource Timing)', 'resultsRequest'],
        ['… results response → painted', 'afterResponse'],
        ['… results processingTimeMs (shown as "(N ms)")', 'resultsProcessing'],
        ['keystroke → sections painted', 'sections'],
        ['… section request (Resource Timing)', 'sectionsRequest'],
        ['… section processingTimeMs', 'sectionsProcessing'],
      ];
      console.log(
        renderTable(
          ['what', 'samples', 'p50', 'p95', 'p99', 'max'],
          rows.map(([label, key]) => [label, summary[key].n, summary[key].p50, summary[key].p95, summary[key].p99, summary[key].max]),
        ),
      );
      console.log(
        "\nprocessingTimeMs is Meilisearch's own time, but here Chromium renders on the same cores while it searches; `npm run bench -- search` measures it with no browser on the machine.",
      );
      console.log(
        `\nno paint within 5 s: ${missed}; nothing found (no sections to wait for): ${nothingFound}; no section upgrade within 5 s: ${noSections}; search JavaScript shipped: ${js.files} file(s), ${js.gzipBytes} B gzip; load average at the end: ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
      );
      const file = recording.write('keystroke', {
        params: opts,
        summary: s,
        request: summary.resultsRequest,
        beforeRequest: summary.beforeRequest,
        afterResponse: summary.afterResponse,
        processing: summary.resultsProcessing,
        sections: summary.sections,
        sectionRequest: summary.sectionsRequest,
        sectionProcessing: summary.sectionsProcessing,
        js,
        missed,
        nothingFound,
        noSections,
        queries,
        samplesMs: samples.painted,
        sectionSamplesMs: samples.sections,
      });
      console.log(`results: ${file}`);
    } finally {
      await browser.close();
      site.close();
    }
  } finally {
    await stopAll();
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}
