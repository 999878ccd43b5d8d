import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, launchChromium, startMeili, startStrapi, stopAll } from '@stackguide/test-kit';
import { serveBuild } from './serve-build.ts';
import { cmsEnv, fixtureCopy } from './fixtures.ts';
import { makeRunDir } from './paths.ts';
import { stepLog } from '@stackguide/runtime';
import { realisticQueries } from './queries.ts';
import { startRecording } from './results.ts';
import { startSearchSync, waitForSyncReady } from './search-sync-process.ts';
import { build, buildDirs, jsGzipBytes } from './site-build.ts';
import { summarize } from './stats.ts';
import { renderTable } from './table.ts';

const VOCABULARY = ['postgresql', 'react', 'kubernetes', 'typescript', 'docker', 'graphql', 'backend developer', 'frontend', 'salary', 'testing'];

/**
 * In-page probe: time of the last keydown, and of the first frame painted after the search app's
 * DOM changed (the page renders results, or its "no articles match" message, in one update).
 */
const PROBE = `(() => {
  const w = window;
  w.__key = 0; w.__painted = 0;
  document.addEventListener('keydown', () => { w.__key = performance.now(); w.__painted = 0; }, true);
  new MutationObserver(() => {
    if (!w.__key || w.__painted) return;
    requestAnimationFrame(() => { if (!w.__painted) w.__painted = performance.now(); });
  }).observe(document.querySelector('#search-app'), { childList: true, subtree: true, characterData: true });
})()`;

/** The keystroke's Meilisearch request (Resource Timing) and the processingTimeMs the page shows as "(N ms)". */
const REQUEST = `(() => ({
  requestMs: performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/multi-search')).at(-1)?.duration ?? NaN,
  processingMs: Number(/\\((\\d+) ms\\)/.exec(document.querySelector('#search-app [data-search-status]')?.textContent ?? '')?.[1] ?? NaN),
}))()`;

/**
 * Bench 4 (browser part): keystroke → results painted on the built /search/ page in headless Chromium,
 * against our index, with the Meilisearch request's share. The last character of each query is typed
 * after the prefix's results settled. `articles: 0` runs on the seeded demo content alone.
 */
export async function keystrokeBench(opts: { articles: number; samples: number }): Promise<void> {
  const recording = startRecording();
  const runDir = makeRunDir('keys-');
  const log = stepLog('keystroke');
  try {
    const fixture = await fixtureCopy(opts.articles, path.join(runDir, 'cms.db'), log);
    const { secrets } = fixture;
    const meili = await startMeili({ dataDir: path.join(runDir, 'meili'), masterKey: secrets.MEILI_MASTER_KEY });
    const cms = await startStrapi({ env: cmsEnv(secrets, fixture.databaseFilename, { SEED_ON_START: 'false' }), databaseFilename: fixture.databaseFilename });
    const env = { STRAPI_URL: cms.url, STRAPI_READ_TOKEN: secrets.STRAPI_READ_TOKEN, WEBHOOK_SECRET: secrets.WEBHOOK_SECRET, MEILI_URL: meili.url, MEILI_MASTER_KEY: secrets.MEILI_MASTER_KEY, SEARCH_SYNC_PORT: String(await freePort()), SEARCH_SYNC_DATA_DIR: path.join(runDir, 'sync'), RECONCILE_INTERVAL: '10m' };
    const sync = await startSearchSync(env);
    log('indexing');
    await waitForSyncReady(sync);
    log('building the site with the search key');
    const dirs = buildDirs(runDir);
    await build(cms.url, secrets.STRAPI_READ_TOKEN, dirs, { env: { MEILI_PUBLIC_URL: meili.url, MEILI_SEARCH_KEY: await sync.searchKey() } });
    const site = await serveBuild(dirs.outDir);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${site.url}/search/`);
      await page.waitForSelector('#search-app:not([hidden])', { timeout: 15_000 });
      await page.evaluate(PROBE);
      const queries = realisticQueries(VOCABULARY, opts.samples).filter((q) => q.length > 2);
      const painted: number[] = [];
      const requests: number[] = [];
      const processing: number[] = [];
      let missed = 0;
      for (const q of queries) {
        await page.fill('#search-q', q.slice(0, -1));
        await page.waitForTimeout(400);
        await page.evaluate('performance.clearResourceTimings()');
        await page.press('#search-q', q.slice(-1));
        try {
          await page.waitForFunction('window.__painted > 0', undefined, { timeout: 5_000 });
        } catch {
          missed++;
          continue;
        }
        painted.push(Number(await page.evaluate('window.__painted - window.__key')));
        const { requestMs, processingMs } = (await page.evaluate(REQUEST)) as { requestMs: number; processingMs: number };
        if (Number.isFinite(requestMs)) requests.push(requestMs);
        if (Number.isFinite(processingMs)) processing.push(processingMs);
      }
      const s = summarize(painted);
      const js = jsGzipBytes(dirs.outDir);
      const where = opts.articles === 0 ? 'the seeded demo content' : `${opts.articles} generated articles`;
      console.log(`\nkeystroke → results painted, headless Chromium, /search/ at ${where} (ms)\n`);
      console.log(
        renderTable(
          ['what', 'samples', 'p50', 'p95', 'p99', 'max'],
          [
            ['keystroke → results painted', s.n, s.p50, s.p95, s.p99, s.max],
            ...([['… Meilisearch request (Resource Timing)', summarize(requests)], ['… Meilisearch processingTimeMs', summarize(processing)]] as const).map(([label, r]) => [label, r.n, r.p50, r.p95, r.p99, r.max]),
          ],
        ),
      );
      console.log(`\nno paint within 5 s: ${missed}; search JavaScript shipped: ${js.files} file(s), ${js.gzipBytes} B gzip; load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
      const file = recording.write('keystroke', { params: opts, summary: s, request: summarize(requests), processing: summarize(processing), js, missed, queries, samplesMs: painted });
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
