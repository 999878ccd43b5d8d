import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Child, freePort, spawnChild, startFakeStrapi, waitForHttp, type FakeStrapi, childEnv } from '@stackguide/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtHeaders, serveStatic } from '../server/static-files.ts';
import { filesUnder } from './dist-checks.ts';
import { makeContent } from './fixtures.ts';
import { SITE_ROOT, TEST_SITE_URL } from './site-build.ts';

/** The master key is in the build's environment, as in a shared .env: it must reach no page. */
const MASTER_KEY = 'meili-master-key-never-on-a-page';
const SEARCH_KEY = 'search-only-key-from-search-sync';
const MEILI_URL = 'http://meili.stackguide.test';
const BUILD_TIMEOUT_MS = 180_000;

let strapi: FakeStrapi;
let searchSync: http.Server;
let work: string;
let out: string;
let cacheDir: string;
let preview: Child | undefined;

type Run = { code: number | string; stdout: string; stderr: string };

/** `npm run <script> -w site -- <args>` with only `env` (and no .env file), as a user runs it. */
async function npmRun(script: string, args: string[], env: Record<string, string>): Promise<Run> {
  const lines = { stdout: [] as string[], stderr: [] as string[] };
  const child = npmChild(script, args, env, (line, stream) => lines[stream].push(line));
  const code = await child.exited;
  return { code, stdout: lines.stdout.join('\n'), stderr: lines.stderr.join('\n') };
}

function npmChild(
  script: string,
  args: string[],
  env: Record<string, string>,
  onLine: (line: string, stream: 'stdout' | 'stderr') => void,
): Child {
  return spawnChild(`npm run ${script}`, 'npm', ['run', '--silent', script, '--', ...args], {
    cwd: SITE_ROOT,
    env: childEnv(env),
    onLine,
  });
}

const buildEnv = (searchSyncPort: number) => ({
  // Outside the repository: the compiled pages must load without the site's node_modules around them.
  SITE_CACHE_DIR: cacheDir,
  STRAPI_URL: strapi.url,
  STRAPI_READ_TOKEN: strapi.token,
  SITE_URL: TEST_SITE_URL,
  MEILI_MASTER_KEY: MASTER_KEY,
  SEARCH_SYNC_HOST: '127.0.0.1',
  SEARCH_SYNC_PORT: String(searchSyncPort),
});

beforeAll(async () => {
  strapi = await startFakeStrapi(makeContent(8));
  fs.mkdirSync(path.join(SITE_ROOT, '.builds'), { recursive: true });
  work = fs.mkdtempSync(path.join(SITE_ROOT, '.builds', 'build-command-'));
  out = path.join(work, 'dist');
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-cache-'));
  searchSync = http.createServer((req, res) => {
    if (req.url !== '/search-key') return void res.writeHead(404).end();
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ indexUid: 'articles', searchKey: SEARCH_KEY, url: MEILI_URL }));
  });
  await new Promise<void>((resolve) => searchSync.listen(0, '127.0.0.1', resolve));
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  await preview?.stop();
  await new Promise((resolve) => searchSync?.close(resolve));
  await strapi?.stop();
  for (const dir of [work, cacheDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm run build -w site', () => {
  it('builds the static site with the search-only key from search-sync, never the master key, its compiled pages cached anywhere', {
    timeout: BUILD_TIMEOUT_MS,
  }, async () => {
    const run = await npmRun('build', ['--out', out], buildEnv((searchSync.address() as AddressInfo).port));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const built = JSON.parse(run.stdout.trim()) as { dir: string; pages: number; rendered: number };
    expect(built).toMatchObject({ dir: out, rendered: built.pages });
    expect(built.pages).toBeGreaterThan(8);
    const home = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(home).toContain(`data-meili-key="${SEARCH_KEY}"`);
    expect(home).toContain(`data-meili-url="${MEILI_URL}"`);
    for (const file of filesUnder(out)) expect(fs.readFileSync(path.join(out, file)).includes(MASTER_KEY), file).toBe(false);
  });

  it('fails naming MEILI_SEARCH_KEY, the URL it asked and the fix when search-sync does not answer, and keeps the previous build', {
    timeout: BUILD_TIMEOUT_MS,
  }, async () => {
    const before = fs.readFileSync(path.join(out, 'index.html'));
    const port = await freePort();
    const run = await npmRun('build', ['--out', out], buildEnv(port));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `MEILI_SEARCH_KEY is not set and search-sync did not hand out the search key at http://127.0.0.1:${port}/search-key`,
    );
    expect(run.stderr).toContain('npm run keys -w search-sync');
    expect(fs.readFileSync(path.join(out, 'index.html'))).toEqual(before);
  });
});

describe('npm run preview -w site', () => {
  it('serves the build with the paths and headers of the site server', { timeout: BUILD_TIMEOUT_MS }, async () => {
    const port = await freePort();
    const lines: string[] = [];
    preview = npmChild('preview', ['--dir', out], { SITE_HOST: '127.0.0.1', SITE_PORT: String(port) }, (line) => lines.push(line));
    const origin = `http://127.0.0.1:${port}`;
    await waitForHttp(`${origin}/`, { timeoutMs: 60_000, isAlive: preview.alive });
    const reference = http.createServer((req, res) => serveStatic(out, req, res, builtHeaders(out)));
    await new Promise<void>((resolve) => reference.listen(0, '127.0.0.1', resolve));
    const referenceOrigin = `http://127.0.0.1:${(reference.address() as AddressInfo).port}`;
    try {
      const asset = filesUnder(out).find((f) => f.startsWith('_astro/') && f.endsWith('.css'));
      expect(asset).toBeDefined();
      const probes: [string, string][] = [
        ['GET', '/'],
        ['GET', '/articles'],
        ['GET', '/articles/'],
        ['HEAD', '/rss.xml'],
        ['GET', `/${asset}`],
        ['GET', '/no-such-page/'],
        ['GET', '/%2e%2e/package.json'],
        ['POST', '/'],
      ];
      const answer = async (base: string, [method, url]: [string, string]) => {
        const res = await fetch(`${base}${url}`, { method, redirect: 'manual' });
        const headers = Object.fromEntries([...res.headers].filter(([name]) => !['date', 'connection', 'keep-alive'].includes(name)));
        return { status: res.status, headers, body: await res.text() };
      };
      for (const probe of probes) expect(await answer(origin, probe), probe.join(' ')).toEqual(await answer(referenceOrigin, probe));
      const home = await answer(origin, ['GET', '/']);
      expect(home).toMatchObject({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' } });
      expect((await answer(origin, ['GET', `/${asset}`])).headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect((await answer(origin, ['GET', '/no-such-page/'])).status).toBe(404);
    } finally {
      await new Promise((resolve) => reference.close(resolve));
    }
    expect(lines.join('\n')).toContain('serving the built site');
  });
});
