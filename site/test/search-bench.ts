/**
 * Keystroke-to-results-painted time of the header search box in Chromium against a local
 * Meilisearch filled from the seeded CMS, plus the gzip size of the shipped JavaScript.
 * Run: cd site && npx tsx test/search-bench.ts   (boots Strapi, Meilisearch and Chromium; ~2 min)
 */
import os from 'node:os';
import { HOSTILE_TITLE, shippedJsGzip, startSearchStack, tocScripts } from './search-stack.ts';

const QUERIES = 50;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

const stack = await startSearchStack();
try {
  const res = await fetch(`${stack.cms.url}/api/articles?pagination[pageSize]=100`, { headers: { authorization: `Bearer ${stack.cms.readToken}` } });
  const titles = ((await res.json()) as { data: { title: string }[] }).data.map((a) => a.title).filter((t) => t !== HOSTILE_TITLE);
  const words = [...new Set(titles.flatMap((t) => t.toLowerCase().split(/[^a-z0-9]+/)).filter((w) => w.length >= 4))];
  const queries = Array.from({ length: QUERIES }, (_, i) => words[i % words.length]!);
  const page = await stack.browser.newPage();
  await page.goto(`${stack.origin}/`);
  await page.locator('#header-search-q').click();
  const times: number[] = [];
  const fetches: number[] = [];
  const processing: number[] = [];
  for (const q of queries) {
    // Everything but the last character is already typed; the measured keystroke is the last one.
    await page.evaluate((prefix) => {
      const input = document.querySelector<HTMLInputElement>('#header-search-q')!;
      const list = document.querySelector<HTMLElement>('#header-search-list')!;
      input.value = prefix;
      list.replaceChildren();
      const w = window as unknown as { painted: Promise<number> };
      w.painted = new Promise((resolve) => {
        let start = 0;
        input.addEventListener('keydown', () => (start = performance.now()), { once: true, capture: true });
        const observer = new MutationObserver(() => {
          if (list.childElementCount === 0) return;
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
        });
        observer.observe(list, { childList: true });
      });
    }, q.slice(0, -1));
    await page.keyboard.press(q.slice(-1));
    times.push(await page.evaluate(() => (window as unknown as { painted: Promise<number> }).painted));
    const status = (await page.locator('form[data-search-box] [role=status]').textContent()) ?? '';
    processing.push(Number(/\((\d+) ms\)/.exec(status)?.[1] ?? NaN));
    fetches.push(await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/multi-search')).at(-1)?.duration ?? NaN));
  }
  times.sort((a, b) => a - b);
  fetches.sort((a, b) => a - b);
  processing.sort((a, b) => a - b);
  const toc = tocScripts(stack.dist);
  const sizes = shippedJsGzip(stack.dist);
  const total = sizes.filter((s) => !toc.includes(s.text)).reduce((a, b) => a + b.bytes, 0);
  console.log(`machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}`);
  console.log(`keystroke → results painted over ${times.length} queries: median ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`);
  console.log(`  of which the Meilisearch request (resource timing): median ${percentile(fetches, 50).toFixed(1)} ms, p95 ${percentile(fetches, 95).toFixed(1)} ms`);
  console.log(`  of which Meilisearch's processingTimeMs: median ${percentile(processing, 50)} ms, p95 ${percentile(processing, 95)} ms`);
  console.log(`  load average during the run: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  for (const s of sizes) console.log(`  ${s.name}: ${s.bytes} B gzip`);
  console.log(`search JavaScript shipped: ${total} B gzip (budget 10240 B); the table-of-contents script above is not part of it (budget 512 B)`);
} finally {
  await stack.stop();
}
