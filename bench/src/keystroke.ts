import fs from 'node:fs';
import path from 'node:path';
import { stopAll } from '@stackguide/stack/child';
import { startMeili } from '@stackguide/stack/meili-process';
import { freePort } from '@stackguide/stack/ports';
import { startStrapi } from '@stackguide/stack/strapi-process';
import { launchChromium } from './chromium.ts';
import { cmsEnv, fixtureCopy } from './fixtures.ts';
import { WORK_DIR } from './paths.ts';
import { progress } from './progress.ts';
import { realisticQueries } from './queries.ts';
import { machine, writeResults } from './results.ts';
import { searchKey, startSearchSync } from './search-sync-process.ts';
import { build, prepareSiteCopy } from './site-build.ts';
import { summarize } from './stats.ts';
import { serveStatic } from './static-server.ts';
import { waitUntil } from './system.ts';
import { renderTable } from './table.ts';

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

/**
 * Bench 4 (browser part): keystroke → results painted on the built /search/ page in headless
 * Chromium, against our index. The last character of each query is typed after the prefix's results settled.
 */
export async function keystrokeBench(opts: { articles: number; samples: number }): Promise<void> {
  const runDir = fs.mkdtempSync(path.join(WORK_DIR, 'keys-'));
  const log = progress('keystroke');
  try {
    const fixture = await fixtureCopy(opts.articles, path.join(runDir, 'cms.db'), log);
    const { secrets } = fixture;
    const meili = await startMeili({ dataDir: path.join(runDir, 'meili'), masterKey: secrets.MEILI_MASTER_KEY });
    const cms = await startStrapi({ env: cmsEnv(secrets, fixture.databaseFilename, { SEED_ON_START: 'false' }), databaseFilename: fixture.databaseFilename });
    const env = { STRAPI_URL: cms.url, STRAPI_READ_TOKEN: secrets.STRAPI_READ_TOKEN, WEBHOOK_SECRET: secrets.WEBHOOK_SECRET, MEILI_URL: meili.url, MEILI_MASTER_KEY: secrets.MEILI_MASTER_KEY, SEARCH_SYNC_PORT: String(await freePort()), SEARCH_SYNC_DATA_DIR: path.join(runDir, 'sync'), RECONCILE_INTERVAL: '10m' };
    const sync = await startSearchSync(env);
    log('indexing');
    await waitUntil(async () => (await sync.status()).ready, 900_000, 'search-sync ready');
    const key = await searchKey(env);
    log('building the site with the search key');
    prepareSiteCopy();
    const out = path.join(runDir, 'dist');
    await build(cms.url, secrets.STRAPI_READ_TOKEN, out, { keepCache: false, env: { MEILI_PUBLIC_URL: meili.url, MEILI_SEARCH_KEY: key } });
    const site = await serveStatic(out);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${site.url}/search/`);
      await page.waitForSelector('#search-app:not([hidden])', { timeout: 15_000 });
      await page.evaluate(PROBE);
      const queries = realisticQueries(['postgresql', 'react', 'kubernetes', 'typescript', 'docker', 'graphql', 'backend developer', 'frontend', 'salary', 'testing'], opts.samples).filter((q) => q.length > 2);
      const times: number[] = [];
      let missed = 0;
      for (const q of queries) {
        await page.fill('#search-q', q.slice(0, -1));
        await page.waitForTimeout(400);
        await page.press('#search-q', q.slice(-1));
        try {
          await page.waitForFunction('window.__painted > 0', undefined, { timeout: 5_000 });
          times.push(Number(await page.evaluate('window.__painted - window.__key')));
        } catch {
          missed++;
        }
      }
      const s = summarize(times);
      console.log(`\nkeystroke → results painted, headless Chromium, /search/ at ${opts.articles} generated articles (ms)\n`);
      console.log(renderTable(['samples', 'no paint in 5 s', 'p50', 'p95', 'p99', 'max'], [[s.n, missed, s.p50, s.p95, s.p99, s.max]]));
      const file = writeResults('keystroke', { machine: machine(), params: opts, summary: s, missed, queries, samplesMs: times });
      console.log(`results: ${file}`);
    } finally {
      await browser.close();
      await site.close();
    }
  } finally {
    await stopAll();
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}
