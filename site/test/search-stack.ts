import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import {
  freePort,
  launchChromium,
  runBin,
  watchCspViolations,
  spawnBin,
  startMeili,
  startTestCms,
  startTestEmbedder,
  waitForHttp,
  type EmbedderProcess,
  type MeiliProcess,
  type TestCms,
  childEnv,
} from '@stackguide/test-kit';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { pageScripts, scriptElements } from '../server/page-scripts.ts';
import { builtHeaders, serveStatic } from '../server/static-files.ts';
import { filesUnder, readDist } from './dist-checks.ts';
import { buildSiteForTest } from './site-build.ts';

export const HOSTILE_TITLE = '<img src=x onerror=alert(1)>';
/** A word only the hostile article's section (whose heading is HOSTILE_TITLE) contains. */
export const HOSTILE_SECTION_WORD = 'xylophonic';

export type SearchStack = {
  cms: TestCms;
  meili: MeiliProcess;
  masterKey: string;
  searchKey: string;
  dist: string;
  origin: string;
  browser: Browser;
  /** A context of `browser` whose Content-Security-Policy violations land in cspViolations. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A page in a context of its own (closed with it), watched like newContext's. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** Every violation of the served pages' policy so far (the build's `_headers`), one line each. */
  cspViolations: string[];
  /** `search-sync serve`, when asked for: its URL (on the site's pages too) and data directory. */
  sync: { url: string; dataDir: string } | undefined;
  /** The embedder, when asked for: the index then has vectors and answers hybrid queries. */
  embedder: EmbedderProcess | undefined;
  stop(): Promise<void>;
};

export type SearchStackOptions = {
  /** Published besides the seed and the hostile article. */
  articles?: Record<string, unknown>[];
  /** Runs `search-sync serve` (SITE_URL = the served site) and puts its URL on the pages, for analytics and suggestions. */
  serve?: boolean;
  /** Runs the embedder and indexes with it (semantic search on). */
  embedder?: boolean;
};

/** Runs search-sync's declared bin against the test CMS and Meilisearch; returns its stdout. */
async function searchSync(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const result = await runBin('@stackguide/search-sync', args, { env });
  if (result.code !== 0) throw new Error(`search-sync ${args.join(' ')} exited ${result.code}:\n${result.stderr}`);
  return result.stdout;
}

/**
 * The real system the search runs against: seeded Strapi plus an article with a hostile title and a
 * hostile section heading, Meilisearch filled by search-sync's own `reindex`, the site built with
 * the search-only key (and the master key present in the build environment, so a leak would show),
 * served statically, and Chromium. `stop()` undoes whatever was started, also after a partial start.
 */
export async function startSearchStack(opts: SearchStackOptions = {}): Promise<SearchStack> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
  };
  try {
    const cms = await startTestCms();
    cleanups.push(() => cms.stop());
    const admin = await cms.admin();
    await admin.createArticle(
      {
        title: HOSTILE_TITLE,
        slug: 'hostile-title',
        excerpt: 'An article whose title is markup.',
        body: [
          { type: 'paragraph', children: [{ type: 'text', text: 'Escaping matters.' }] },
          { type: 'heading', level: 2, children: [{ type: 'text', text: HOSTILE_TITLE }] },
          { type: 'paragraph', children: [{ type: 'text', text: `A ${HOSTILE_SECTION_WORD} <script>alert(2)</script> section.` }] },
        ],
        authorName: 'Test',
      },
      { publish: true },
    );
    for (const article of opts.articles ?? []) await admin.createArticle(article, { publish: true });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stackguide-search-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const masterKey = `master-${crypto.randomUUID()}`;
    const meili = await startMeili({ dataDir: path.join(dir, 'meili'), masterKey });
    cleanups.push(() => meili.stop());
    const embedderKey = `embedder-${crypto.randomUUID()}`;
    const embedder = opts.embedder ? await startTestEmbedder({ apiKey: embedderKey }) : undefined;
    if (embedder) cleanups.push(() => embedder.stop());
    const env = childEnv({
      STRAPI_URL: cms.url,
      STRAPI_READ_TOKEN: cms.readToken,
      WEBHOOK_SECRET: 'search-test-webhook-secret',
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: masterKey,
      MEILI_PUBLIC_URL: meili.url,
      SEARCH_SYNC_DATA_DIR: path.join(dir, 'queue'),
      SITE_BUILD_HOOK_URL: '',
      LOG_LEVEL: 'warn',
      ...(embedder ? { EMBEDDER_URL: embedder.url, EMBEDDER_API_KEY: embedderKey } : {}),
    });
    await searchSync(['reindex', '--json'], env);
    const searchKey = (JSON.parse((await searchSync(['keys', '--json'], env)).trim()) as { searchKey: string }).searchKey;
    // The server starts first: search-sync must know the site's origin, and the build search-sync's URL.
    let dist = '';
    const server = http.createServer((req, res) => serveStatic(dist, req, res, builtHeaders(dist)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => {
      server.closeAllConnections();
      server.close();
    });
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const sync = opts.serve ? await serveSearchSync({ ...env, SITE_URL: origin }, cleanups) : undefined;
    dist = await buildSiteForTest(cms.url, cms.readToken, {
      MEILI_PUBLIC_URL: meili.url,
      MEILI_SEARCH_KEY: searchKey,
      MEILI_MASTER_KEY: masterKey,
      ...(sync ? { SEARCH_SYNC_PUBLIC_URL: sync.url } : {}),
      ...(embedder ? { EMBEDDER_URL: embedder.url } : {}),
    });
    cleanups.push(() => fs.rmSync(dist, { recursive: true, force: true }));
    const browser = await launchChromium();
    cleanups.push(() => browser.close());
    const cspViolations: string[] = [];
    const newContext = async (options?: BrowserContextOptions) => {
      const context = await browser.newContext(options);
      await watchCspViolations(context, cspViolations);
      return context;
    };
    const newPage = async (options?: BrowserContextOptions) => {
      const context = await newContext(options);
      const page = await context.newPage();
      // The browser may be closing already (the stack stopping): its contexts close with it.
      page.once('close', () => void context.close().catch(() => undefined));
      return page;
    };
    return { cms, meili, masterKey, searchKey, dist, origin, browser, newContext, newPage, cspViolations, sync, embedder, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** `search-sync serve` on a free port with its own data directory, healthy; stopped by the cleanups. */
async function serveSearchSync(
  env: NodeJS.ProcessEnv,
  cleanups: (() => Promise<void> | void)[],
): Promise<{ url: string; dataDir: string }> {
  const port = await freePort();
  const dataDir = `${env.SEARCH_SYNC_DATA_DIR}-serve`;
  const child = spawnBin('@stackguide/search-sync', ['serve'], {
    env: { ...env, SEARCH_SYNC_PORT: String(port), SEARCH_SYNC_DATA_DIR: dataDir },
  });
  cleanups.push(() => child.stop());
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/health`, { timeoutMs: 60_000, isAlive: child.alive });
  return { url, dataDir };
}

/**
 * Gzip size (level 9) of every JavaScript file in dist and of every distinct inline script, so
 * the budget holds however Astro decides to ship the code. `text` is the script itself.
 */
export function shippedJsGzip(dist: string): { name: string; text: string; bytes: number }[] {
  const files = filesUnder(dist)
    .filter((f) => f.endsWith('.js'))
    .map((name) => ({ name, text: readDist(dist, name) }));
  const inline = new Map<string, string>();
  for (const file of filesUnder(dist).filter((f) => f.endsWith('.html')))
    for (const { text } of scriptElements(readDist(dist, file)))
      if (text.trim() && !inline.has(text)) inline.set(text, `inline script in ${file}`);
  return [...files, ...[...inline].map(([text, name]) => ({ name, text }))].map(({ name, text }) => ({
    name,
    text,
    bytes: gzipSync(text, { level: 9 }).length,
  }));
}

/**
 * The table-of-contents script: what an article with a table of contents runs beyond what /search/
 * runs. It has its own budget, apart from the search script's.
 */
export function tocScripts(dist: string): string[] {
  const article = filesUnder(dist).find((f) => f.startsWith('articles/') && readDist(dist, f).includes('class="toc"'));
  if (!article) throw new Error(`no article page with a table of contents in ${dist}`);
  const search = pageScripts(dist, 'search/index.html');
  return pageScripts(dist, article).filter((script) => !search.includes(script));
}
