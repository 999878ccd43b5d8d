import type { Browser, Page } from 'playwright-core';

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
