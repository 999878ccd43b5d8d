import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  freePort,
  needTool,
  spawnBin,
  spawnChild,
  startFakeStrapi,
  startMeili,
  startSiteServer,
  waitFor,
  waitForHttp,
  type Child,
  type FakeStrapi,
  type MeiliProcess,
  type SiteServer,
  childEnv,
} from '@stackguide/test-kit';
import type { PopularQueries } from '@stackguide/contracts/analytics';
import type { SyncStatus } from '@stackguide/contracts/search-sync-admin';
import { API_SECURITY_HEADERS } from '@stackguide/contracts/security-headers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHeadersFile } from '../server/security-headers.ts';
import { makeContent } from './fixtures.ts';
import { SITE_ROOT } from './site-build.ts';

// The compose site's nginx, started with the real site/docker/nginx.conf (only its addresses and
// paths replaced) in front of the real site server and the real search-sync, as the container runs
// them; its header lines made by the real site/docker/nginx-headers.sh from the served build.

const NGINX = '/usr/sbin/nginx';
const runs = needTool({
  name: 'nginx',
  installed: fs.existsSync(NGINX),
  variable: 'STACKGUIDE_REQUIRE_NGINX',
  install: 'apt-get install nginx-light',
});
const MASTER_KEY = 'nginx-test-master-key-0123456789';

let dir: string;
let strapi: FakeStrapi;
let meili: MeiliProcess;
let sync: Child;
let site: SiteServer;
let nginx: Child;
let origin: string;
let syncUrl: string;
const nginxLines: string[] = [];

/** site/docker/nginx.conf with the container's addresses and paths replaced by the test's. */
function nginxConf(opts: { port: number; root: string; syncUrl: string; siteUrl: string; headers: string }): string {
  const conf = fs.readFileSync(path.join(SITE_ROOT, 'docker/nginx.conf'), 'utf8');
  const replaced = conf
    .replace('listen 8080;', `listen 127.0.0.1:${opts.port};`)
    .replaceAll('/app/site/.builds/current', opts.root)
    .replaceAll('http://search-sync:7710', opts.syncUrl)
    .replaceAll('http://127.0.0.1:4321', opts.siteUrl)
    .replaceAll('/tmp/nginx-site-headers.conf', opts.headers)
    .replace('pid /tmp/nginx.pid;', `pid ${path.join(dir, 'nginx.pid')};`)
    // Debian's compiled-in temp directories are root's; the test's own are writable whoever runs it.
    .replace(
      'http {',
      `http {\n${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${path.join(dir, t)};`).join('\n')}`,
    );
  // A changed container path would leave the test on the old one: every replacement must have hit.
  // Ports end where digits do: the test's own random port may begin 4321 (127.0.0.1:43215).
  for (const gone of [/listen 8080\b/, /\/app\/site/, /search-sync:7710\b/, /127\.0\.0\.1:4321\b/, /\/tmp\/nginx/])
    if (gone.test(replaced)) throw new Error(`nginx.conf still holds ${gone.source}: update this test's replacements`);
  return replaced;
}

beforeAll(async () => {
  if (!runs) return;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stackguide-nginx-'));
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  strapi = await startFakeStrapi(makeContent(6));
  meili = await startMeili({ dataDir: path.join(dir, 'meili'), masterKey: MASTER_KEY });
  const syncPort = await freePort();
  sync = spawnBin('@stackguide/search-sync', ['serve'], {
    env: childEnv({
      STRAPI_URL: strapi.url,
      STRAPI_READ_TOKEN: strapi.token,
      WEBHOOK_SECRET: 'nginx-test-webhook-secret',
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: MASTER_KEY,
      SEARCH_SYNC_PORT: String(syncPort),
      SEARCH_SYNC_DATA_DIR: path.join(dir, 'sync'),
      SITE_URL: origin,
      SITE_BUILD_HOOK_URL: '',
      LOG_LEVEL: 'warn',
    }),
  });
  syncUrl = `http://127.0.0.1:${syncPort}`;
  await waitForHttp(`${syncUrl}/health`, { timeoutMs: 60_000, isAlive: sync.alive });
  await waitFor('search-sync filled the index', async () => ((await (await fetch(`${syncUrl}/status`)).json()) as SyncStatus).ready, {
    timeoutMs: 60_000,
  });
  site = await startSiteServer({
    strapiUrl: strapi.url,
    token: strapi.token,
    env: {
      SITE_URL: origin,
      MEILI_PUBLIC_URL: meili.url,
      MEILI_SEARCH_KEY: 'search-only-key',
      SEARCH_SYNC_PUBLIC_URL: `${origin}/search-sync`,
      PREVIEW_SECRET: 'nginx-test-preview-secret-0123456789abcdef',
      PREVIEW_READ_TOKEN: 'nginx-test-preview-token',
    },
  });
  const current = path.join(site.buildsDir, 'current');
  const headers = path.join(dir, 'site-headers.conf');
  fs.writeFileSync(headers, execFileSync('sh', [path.join(SITE_ROOT, 'docker/nginx-headers.sh'), current]));
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(conf, nginxConf({ port, root: current, syncUrl, siteUrl: site.url, headers }));
  // As root, nginx would serve as nobody, who may not read the test's temporary directories.
  const user = process.getuid?.() === 0 ? ' user root;' : '';
  nginx = spawnChild('nginx', NGINX, ['-c', conf, '-p', dir, '-e', 'stderr', '-g', `daemon off;${user}`], {
    onLine: (line) => nginxLines.push(line),
  });
  await waitForHttp(`${origin}/`, { timeoutMs: 30_000, isAlive: nginx.alive }).catch((err: unknown) => {
    throw new Error(`nginx did not come up: ${String(err)}\n${nginxLines.join('\n')}`);
  });
}, 300_000);
afterAll(async () => {
  await nginx?.stop();
  await site?.stop();
  await sync?.stop();
  await meili?.stop();
  await strapi?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The security headers an answer carries, by the names of `expected`. */
const securityHeaders = (res: Response, expected: Record<string, string>) =>
  Object.fromEntries(Object.keys(expected).map((name) => [name, res.headers.get(name)]));

describe.runIf(runs)('the compose nginx with its real config (Debian nginx-light)', () => {
  it("sends the build's security headers with every file it serves, and never the headers file", async () => {
    const built = readHeadersFile(fs.readFileSync(path.join(site.buildsDir, 'current', '_headers'), 'utf8'));
    expect(built['content-security-policy']).toContain(`connect-src 'self' ${meili.url} ${origin}`);
    const asset = fs.readdirSync(path.join(site.buildsDir, 'current', '_astro')).find((f) => f.endsWith('.js'));
    for (const [route, status] of [
      ['/', 200],
      ['/search/', 200],
      [`/_astro/${asset}`, 200],
      ['/missing/', 404],
      ['/_headers', 404],
    ] as const) {
      const res = await fetch(`${origin}${route}`);
      expect(res.status, route).toBe(status);
      expect(securityHeaders(res, built), route).toEqual(built);
      expect(await res.text(), route).not.toContain('content-security-policy');
    }
    expect((await fetch(`${origin}/_astro/${asset}`)).headers.get('cache-control')).toContain('immutable');
    // The site server answers the same files with the same headers.
    expect(securityHeaders(await fetch(`${site.url}/search/`), built)).toEqual(built);
  });

  it("passes on the site server's and search-sync's own headers, never adding a second policy", async () => {
    const preview = await fetch(`${origin}/__preview/articles/doc-1?status=draft`);
    expect(preview.status).toBe(401);
    expect(preview.headers.get('content-security-policy')).toContain(`frame-ancestors ${new URL(strapi.url).origin}`);
    expect(preview.headers.get('content-security-policy')).not.toContain(',');
    for (const route of ['/__status', '/search-sync/analytics/popular', '/search-sync/search-terms']) {
      const res = await fetch(`${origin}${route}`);
      expect(securityHeaders(res, API_SECURITY_HEADERS), route).toEqual(API_SECURITY_HEADERS);
    }
  });

  it('counts a visitor by the address nginx saw, whatever X-Forwarded-For the visitor sent', async () => {
    const report = (base: string, forwardedFor: string) =>
      fetch(`${base}/analytics`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin, 'x-forwarded-for': forwardedFor },
        body: JSON.stringify({ type: 'search', q: 'fixture article', results: 6 }),
      });
    const popular = async () =>
      ((await (await fetch(`${origin}/search-sync/analytics/popular`)).json()) as PopularQueries).queries.map((q) => q.query);
    const spoofed = ['198.51.100.1', '198.51.100.2', '198.51.100.3'];
    for (const address of spoofed) expect((await report(`${origin}/search-sync`, address)).status).toBe(204);
    expect(await popular(), 'one visitor behind nginx').not.toContain('fixture article');
    // The same three addresses as nginx itself would forward them are three visitors, and the query finds something.
    for (const address of spoofed) expect((await report(syncUrl, address)).status).toBe(204);
    expect(await popular()).toContain('fixture article');
  });
});
