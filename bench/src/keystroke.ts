import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, launchChromium, startMeili, startStrapi, startTestEmbedder, stopAll } from '@stackguide/test-kit';
import type { Browser, Page } from 'playwright-core';
import { serveBuild } from './serve-build.ts';
import { cmsEnv, fixtureCopy } from './fixtures.ts';
import { seedVectors } from './fixture-vectors.ts';
import { makeRunDir } from './paths.ts';
import { stepLog } from '@stackguide/runtime';
import { cmsNames, realisticQueries } from './queries.ts';
import { startRecording } from './results.ts';
import { startSearchSync, waitForSyncReady } from './search-sync-process.ts';
import { build, buildDirs, searchJsGzipBytes } from './site-build.ts';
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
 * In-page probe: time of the last keydown; of the first frame painted after the search app's DOM
 * changed (the page renders results, or its "no articles match" message, in one update); and of the
 * first frame after the section upgrade, which alone sets `data-section-ms` on the app.
 */
const PROBE = `(() => {
  const w = window;
  const app = document.querySelector('#search-app');
  w.__key = 0; w.__painted = 0; w.__sections = 0;
  document.addEventListener('keydown', () => { w.__key = performance.now(); w.__painted = 0; w.__sections = 0; }, true);
  const onFrame = (name) => () => {
    if (!w.__key || w[name]) return;
    requestAnimationFrame(() => { if (!w[name]) w[name] = performance.now(); });
  };
  new MutationObserver(onFrame('__painted')).observe(app, { childList: true, subtree: true, characterData: true });
  new MutationObserver(onFrame('__sections')).observe(app, { attributes: true, attributeFilter: ['data-section-ms'] });
})()`;

/**
 * The keystroke's two Meilisearch requests (Resource Timing, results first), the processingTimeMs
 * the page shows as "(N ms)" (the results query's) and the section query's, which the upgrade leaves
 * in `data-section-ms`; and the page's own share of the results: keydown until the request starts,
 * and its response until the results are painted.
 */
const REQUESTS = `(() => {
  const [results, sections] = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/multi-search')).sort((a, b) => a.startTime - b.startTime);
  const app = document.querySelector('#search-app');
  return {
    resultsMs: results?.duration ?? NaN,
    beforeRequestMs: results ? results.startTime - window.__key : NaN,
    afterResponseMs: results ? window.__painted - results.responseEnd : NaN,
    sectionsMs: sections?.duration ?? NaN,
    resultsProcessingMs: Number(/\\((\\d+) ms\\)/.exec(app.querySelector('[data-search-status]')?.textContent ?? '')?.[1] ?? NaN),
    sectionsProcessingMs: Number(app.dataset.sectionMs ?? NaN),
  };
})()`;

/** True when the page says nothing matched: no hits, so no section query and no upgrade to wait for. */
const NOTHING_FOUND = `/^No articles match/.test(document.querySelector('#search-app [data-search-status]')?.textContent ?? '')`;

export type Samples = {
  painted: number[];
  sections: number[];
  resultsRequest: number[];
  beforeRequest: number[];
  afterResponse: number[];
  sectionsRequest: number[];
  resultsProcessing: number[];
  sectionsProcessing: number[];
};
const finite = (list: number[], value: number) => {
  if (Number.isFinite(value)) list.push(value);
};

/** What typing the queries gave: the timings, and how many keystrokes painted nothing, found nothing or got no section upgrade. */
export type Typed = { samples: Samples; missed: number; noSections: number; nothingFound: number };

/**
 * Types each query into the search page `page` shows (the probe installed): the prefix first, then,
 * once its results settled, the last character, timed from keydown to paint.
 */
export async function typeQueries(page: Page, queries: readonly string[]): Promise<Typed> {
  const samples: Samples = {
    painted: [],
    sections: [],
    resultsRequest: [],
    beforeRequest: [],
    afterResponse: [],
    sectionsRequest: [],
    resultsProcessing: [],
    sectionsProcessing: [],
  };
  let missed = 0;
  let noSections = 0;
  let nothingFound = 0;
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
    samples.painted.push(Number(await page.evaluate('window.__painted - window.__key')));
    let upgraded = false;
    if (await page.evaluate(NOTHING_FOUND)) nothingFound++;
    else {
      try {
        await page.waitForFunction('window.__sections > 0', undefined, { timeout: 5_000 });
        samples.sections.push(Number(await page.evaluate('window.__sections - window.__key')));
        upgraded = true;
      } catch {
        noSections++;
      }
    }
    const r = (await page.evaluate(REQUESTS)) as {
      resultsMs: number;
      beforeRequestMs: number;
      afterResponseMs: number;
      sectionsMs: number;
      resultsProcessingMs: number;
      sectionsProcessingMs: number;
    };
    finite(samples.resultsRequest, r.resultsMs);
    finite(samples.beforeRequest, r.beforeRequestMs);
    finite(samples.afterResponse, r.afterResponseMs);
    finite(samples.resultsProcessing, r.resultsProcessingMs);
    if (upgraded) {
      finite(samples.sectionsRequest, r.sectionsMs);
      finite(samples.sectionsProcessing, r.sectionsProcessingMs);
    }
  }
  return { samples, missed, noSections, nothingFound };
}

/**
 * The queries to type: every name once as typed whole, as a prefix, with a typo and paired, before
 * any query repeats; a repeated query finds its postings in memory and would flatter the figures.
 */
export async function keystrokeQueries(strapiUrl: string, token: string, samples: number): Promise<string[]> {
  const names = new Set([...TOPICS, ...(await cmsNames(strapiUrl, token))].map((n) => n.toLowerCase()));
  return realisticQueries([...names], samples).filter((q) => q.length > 2);
}

/** Opens the search page at `url` in `browser` and installs the probe. */
export async function openSearchPage(browser: Browser, url: string): Promise<Page> {
  // The probe's waits are strings Playwright evaluates in the page, which the site's
  // Content-Security-Policy (no 'unsafe-eval') refuses: each refused wait read as "no paint".
  const page = await browser.newPage({ bypassCSP: true });
  await page.goto(url);
  await page.waitForSelector('#search-app:not([hidden])', { timeout: 15_000 });
  await page.evaluate(PROBE);
  return page;
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
