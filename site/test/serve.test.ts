import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, spawnBin, startFakeStrapi, waitFor, waitForHttp, type Child, type FakeStrapi, childEnv } from '@stackguide/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContent } from './fixtures.ts';

const SECRET = 'test-build-hook-secret-0123456789';
// These tests wait for a real site build, which is slower on a busy machine.
const BUILD_TIMEOUT_MS = 120_000;
const content = makeContent(10);
let strapi: FakeStrapi;
let serve: Child | undefined;
let buildsDir: string;
let base = '';
const lines: string[] = [];

async function startServe(strapiUrl: string, port: number, onLine: (line: string) => void): Promise<Child> {
  return spawnBin('@stackguide/site', [], {
    name: 'site',
    env: childEnv({
      STRAPI_URL: strapiUrl,
      STRAPI_READ_TOKEN: strapi.token,
      SITE_HOST: '127.0.0.1',
      SITE_PORT: String(port),
      SITE_URL: `http://127.0.0.1:${port}`,
      BUILD_HOOK_SECRET: SECRET,
      SITE_BUILDS_DIR: buildsDir,
      SITE_BUILD_DEBOUNCE_MS: '50',
    }),
    onLine,
  });
}

const waitForLine = (pattern: RegExp, from: number) =>
  waitFor(`a log line matching ${pattern}`, () => lines.slice(from).some((l) => pattern.test(l)), { timeoutMs: BUILD_TIMEOUT_MS });
const hook = (authorization?: string) =>
  fetch(`${base}/__hooks/build`, { method: 'POST', headers: authorization ? { authorization } : {} });

beforeAll(async () => {
  strapi = await startFakeStrapi(content);
  buildsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-serve-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  serve = await startServe(strapi.url, port, (line) => lines.push(line));
  await waitForHttp(`${base}/`, { timeoutMs: 120_000, isAlive: () => serve!.alive() });
});

afterAll(async () => {
  await serve?.stop();
  await strapi?.stop();
  fs.rmSync(buildsDir, { recursive: true, force: true });
});

describe('serve process', () => {
  it('serves the build with content types, index pages, 404 page and no escape from the build directory', async () => {
    const home = await fetch(`${base}/`);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await home.text()).toContain('Stackguide');
    expect((await fetch(`${base}/rss.xml`)).headers.get('content-type')).toContain('application/xml');
    const missing = await fetch(`${base}/no-such-page/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Page not found');
    const outside = await fetch(`${base}/%2e%2e/%2e%2e/package.json`);
    expect(outside.status).not.toBe(200);
  });

  it('refuses the build hook without the bearer secret', async () => {
    expect((await hook()).status).toBe(401);
    expect((await hook('Bearer wrong')).status).toBe(401);
    expect((await fetch(`${base}/__hooks/build`)).status).toBe(405);
  });

  it('rebuilds on the hook and serves the new content only after the build succeeds', { timeout: BUILD_TIMEOUT_MS }, async () => {
    const fresh = {
      ...(content.articles[0] as Record<string, unknown>),
      id: 99,
      documentId: 'article-99',
      slug: 'freshly-published',
      title: 'Freshly published',
    };
    strapi.put(fresh);
    expect((await fetch(`${base}/articles/freshly-published/`)).status).toBe(404);
    const from = lines.length;
    expect((await hook(`Bearer ${SECRET}`)).status).toBe(202);
    await waitForLine(/build succeeded/, from);
    expect((await fetch(`${base}/articles/freshly-published/`)).status).toBe(200);
  });

  it('keeps serving the previous site when a rebuild fails', { timeout: BUILD_TIMEOUT_MS }, async () => {
    strapi.failNext(1000, 503);
    const from = lines.length;
    expect((await hook(`Bearer ${SECRET}`)).status).toBe(202);
    await waitForLine(/still serving the previous build/, from);
    strapi.failNext(0, 503);
    expect(lines.slice(from).join('\n')).toContain('failed with HTTP 503');
    expect((await fetch(`${base}/articles/freshly-published/`)).status).toBe(200);
  });

  it('exits non-zero with the loader’s message when the first build fails', { timeout: BUILD_TIMEOUT_MS }, async () => {
    const port = await freePort();
    // A free port nobody listens on: connection refused, like a CMS that is not running.
    const deadPort = await freePort();
    const out: string[] = [];
    const child = await startServe(`http://127.0.0.1:${deadPort}`, port, (line) => out.push(line));
    expect(await child.exited).not.toBe(0);
    expect(out.join('\n')).toMatch(
      /first build failed: Strapi request GET http:\/\/127\.0\.0\.1:\d+\/api\/\w+\?\S+ failed with ECONNREFUSED/,
    );
    expect(out.join('\n')).toContain(`127.0.0.1:${deadPort}`);
  });
});
