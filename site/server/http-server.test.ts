import { BUILD_HOOK_PATH } from '@stackguide/contracts/build-hook';
import fs from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../src/strapi/schemas.ts';
import { SiteBuilder } from './builder.ts';
import { SITE_STATUS_ROUTES } from '@stackguide/contracts/site-status';
import { recordFetches } from './fetch-times.ts';
import { createSiteServer } from './http-server.ts';
import type { BuildRequest, SiteState } from './site-build.ts';

const SECRET = 'hook-secret-0123456789';
const UPDATED = new Date('2030-01-02T03:04:05.000Z');
let buildsDir: string;
let requests: BuildRequest[];
let builder: SiteBuilder<SiteState>;
let server: http.Server;
let base: string;

/** A served build holding one article, `article-1`, with the fetch times a real build records. */
function state(outDir: string, previous: SiteState | null, request: BuildRequest, startedAt: number): SiteState {
  const article = { documentId: 'article-1', slug: 'one', title: 'One', updatedAt: UPDATED } as unknown as Article;
  return {
    dir: outDir,
    compiledHash: 'code',
    serverEntry: 'entry.mjs',
    configKey: 'config',
    snapshot: { articles: new Map([['article-1', article]]), roles: new Map(), skills: new Map() },
    related: new Map(),
    bodies: { read: () => [] },
    keys: new Map(),
    ...recordFetches(previous, request.changes, request.full, startedAt),
    images: new Set(),
    spare: null,
  };
}

beforeEach(async () => {
  buildsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-hook-'));
  requests = [];
  builder = new SiteBuilder<SiteState>({
    buildsDir,
    debounceMs: 0,
    logger: pino({ level: 'silent' }),
    build: async (outDir, previous, request) => {
      const startedAt = Date.now();
      requests.push(request);
      fs.mkdirSync(outDir, { recursive: true });
      fs.writeFileSync(path.join(outDir, 'index.html'), `build ${requests.length}`);
      return { state: state(outDir, previous, request, startedAt), kind: previous ? 'incremental' : 'full', pages: 1, rendered: 1 };
    },
  });
  server = createSiteServer({
    builder,
    hookSecret: SECRET,
    logger: pino({ level: 'silent' }),
    origins: { siteUrl: 'https://stackguide.test', meiliPublicUrl: 'https://search.stackguide.test', searchSyncPublicUrl: undefined },
    preview: null,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterEach(async () => {
  builder.close();
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(buildsDir, { recursive: true, force: true });
});

const auth = { authorization: `Bearer ${SECRET}` };
const hook = (body?: unknown) =>
  fetch(`${base}${BUILD_HOOK_PATH}`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
  });
const iso = (ms: number) => new Date(ms).toISOString();
const article = (documentId: string) => ({ kind: 'article', documentId });

describe('build hook', () => {
  it('skips the rebuild when the served build started after the change it is told about', async () => {
    await builder.buildNow();
    const res = await hook({ source: 'search-sync', changedAt: iso(Date.now() - 60_000), changes: [article('x')] });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'up to date' });
    await builder.idle();
    expect(requests).toHaveLength(1);
  });

  it('rebuilds for a change newer than the served build, or when not told when it changed, passing the changes on', async () => {
    await builder.buildNow();
    const res = await hook({
      source: 'search-sync',
      changedAt: iso(Date.now() + 1_000),
      changes: [article('x'), { kind: 'role', documentId: 'r' }],
    });
    expect(res.status).toBe(202);
    await builder.idle();
    expect(requests[1]).toEqual({ changes: [article('x'), { kind: 'role', documentId: 'r' }], full: false });
    expect((await hook()).status).toBe(202);
    await builder.idle();
    expect(requests[2]).toEqual({ changes: null, full: false });
  });

  it('counts an incremental build as covering only the documents it fetched again', async () => {
    await builder.buildNow();
    const changedAt = Date.now() + 50;
    await new Promise((r) => setTimeout(r, 100));
    expect((await hook({ changedAt: iso(changedAt), changes: [article('x')] })).status).toBe(202);
    await builder.idle();
    expect((await hook({ changedAt: iso(changedAt), changes: [article('x')] })).status).toBe(200);
    expect((await hook({ changedAt: iso(changedAt), changes: [article('y')] })).status).toBe(202);
    expect((await hook({ changedAt: iso(changedAt) })).status).toBe(202);
    await builder.idle();
  });

  it('rebuilds when nothing has been built yet', async () => {
    expect((await hook({ changedAt: iso(0) })).status).toBe(202);
    await builder.idle();
    expect(requests).toHaveLength(1);
  });

  it('refuses a body that is not JSON, a date or change it cannot read, and an oversized body, without building', async () => {
    const bad = await hook('changedAt=yesterday');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/JSON/);
    expect((await hook({ changedAt: 'yesterday' })).status).toBe(400);
    const wrongKind = await hook({ changes: [{ kind: 'page', documentId: 'x' }] });
    expect(wrongKind.status).toBe(400);
    expect(((await wrongKind.json()) as { error: string }).error).toContain('changes.0.kind');
    expect((await hook({ changes: [{ kind: 'article' }] })).status).toBe(400);
    expect((await hook({ pad: 'x'.repeat(200_000) })).status).toBe(413);
    await builder.idle();
    expect(requests).toHaveLength(0);
  });
});

describe('status', () => {
  const status = (p = '', headers: Record<string, string> = auth) => fetch(`${base}${SITE_STATUS_ROUTES.builds}${p}`, { headers });

  it('needs the bearer secret and only answers GET', async () => {
    expect((await status('', {})).status).toBe(401);
    expect((await status('/articles/article-1', { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await fetch(`${base}${SITE_STATUS_ROUTES.builds}`, { method: 'POST', headers: auth })).status).toBe(405);
  });

  it('says what is served, what is being built, the last failure and whether changes wait', async () => {
    expect(await (await status()).json()).toEqual({ current: null, building: null, lastFailure: null, pending: false });
    await builder.buildNow();
    const body = (await (await status()).json()) as Record<string, unknown>;
    expect(body).toEqual({
      current: {
        id: path.basename(builder.current()!),
        kind: 'full',
        startedAt: expect.any(String),
        finishedAt: expect.any(String),
        ms: expect.any(Number),
        pages: 1,
        rendered: 1,
      },
      building: null,
      lastFailure: null,
      pending: false,
    });
  });

  it('says whether an article is in the served build, with its published updatedAt', async () => {
    expect(await (await status('/articles/article-1')).json()).toEqual({ inBuild: false, updatedAt: null, buildFinishedAt: null });
    await builder.buildNow();
    const finishedAt = builder.status().current!.finishedAt;
    expect(await (await status('/articles/article-1')).json()).toEqual({
      inBuild: true,
      updatedAt: UPDATED.toISOString(),
      buildFinishedAt: finishedAt,
    });
    expect(await (await status('/articles/other')).json()).toEqual({ inBuild: false, updatedAt: null, buildFinishedAt: finishedAt });
    expect((await status('/articles/%E0%A4%A')).status).toBe(400);
  });
});

describe('draft preview route', () => {
  it('says the preview is off, and is never cached, when the server has no preview secret and token', async () => {
    await builder.buildNow();
    const res = await fetch(`${base}/__preview/articles/doc-1?status=draft`);
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toContain('Draft preview is off');
  });
});

describe('security headers', () => {
  it('sends the pages’ headers with every file and the API’s with everything else, HSTS with all (SITE_URL is https)', async () => {
    const page = (res: Response) => res.headers.get('content-security-policy') ?? '';
    expect((await fetch(`${base}/`)).status, 'before the first build').toBe(503);
    expect(page(await fetch(`${base}/`))).toBe("default-src 'none'; frame-ancestors 'none'");
    await builder.buildNow();
    for (const route of ['/', '/missing/', '/index.html']) {
      const res = await fetch(`${base}${route}`);
      expect(page(res), route).toContain("connect-src 'self' https://search.stackguide.test");
      expect(page(res), route).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options'), route).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), route).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('strict-transport-security'), route).toBe('max-age=31536000');
    }
    for (const res of [
      await fetch(`${base}${SITE_STATUS_ROUTES.builds}`),
      await fetch(`${base}${SITE_STATUS_ROUTES.builds}`, { headers: auth }),
      await hook('not json'),
      await fetch(`${base}/__preview/articles/doc-1`),
    ]) {
      expect(page(res), res.url).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options'), res.url).toBe('nosniff');
      expect(res.headers.get('strict-transport-security'), res.url).toBe('max-age=31536000');
    }
  });
});
