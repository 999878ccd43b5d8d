import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDIRECT_CACHE_CONTROL, REDIRECTS_JSON, REDIRECTS_NGINX, redirectFiles, redirectTarget } from './redirect-files.ts';
import { serveStatic } from './static-files.ts';

const MAP = new Map([
  ['/articles/a/', '/articles/c/'],
  ['/articles/b/', '/articles/c/'],
]);

let root: string;
let server: http.Server;
let base: string;

/** Writes a build with an article page at /articles/c/ and the files redirectFiles makes for `map`. */
function writeBuild(map: ReadonlyMap<string, string>): void {
  fs.mkdirSync(path.join(root, 'articles', 'c'), { recursive: true });
  fs.writeFileSync(path.join(root, 'articles', 'c', 'index.html'), 'c');
  fs.writeFileSync(path.join(root, '404.html'), 'not found');
  for (const [file, text] of redirectFiles(map)) fs.writeFileSync(path.join(root, file), text);
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'site-redirects-'));
  writeBuild(MAP);
  server = http.createServer((req, res) => serveStatic(root, req, res, {}));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(root, { recursive: true, force: true });
});

const get = (p: string, method = 'GET') => fetch(`${base}${p}`, { method, redirect: 'manual' });

describe('redirect files', () => {
  it('hold the map as JSON and as nginx map entries, with and without the trailing slash', () => {
    const [[jsonName, json], [nginxName, nginx]] = redirectFiles(MAP) as [[string, string], [string, string]];
    expect(jsonName).toBe(REDIRECTS_JSON);
    expect(JSON.parse(json)).toEqual({ '/articles/a/': '/articles/c/', '/articles/b/': '/articles/c/' });
    expect(nginxName).toBe(REDIRECTS_NGINX);
    expect(nginx.split('\n').filter((l) => l && !l.startsWith('#'))).toEqual([
      '"/articles/a" "/articles/c/";',
      '"/articles/a/" "/articles/c/";',
      '"/articles/b" "/articles/c/";',
      '"/articles/b/" "/articles/c/";',
    ]);
    expect(
      redirectFiles(new Map())[1]![1]
        .split('\n')
        .filter((l) => l && !l.startsWith('#')),
    ).toEqual([]);
  });

  it('make the static server answer old addresses with a cacheable-for-a-while 301, query kept', async () => {
    for (const from of ['/articles/a/', '/articles/a', '/articles/b/?x=1']) {
      const res = await get(from);
      expect(res.status, from).toBe(301);
      expect(res.headers.get('location'), from).toBe(`/articles/c/${from.includes('?') ? '?x=1' : ''}`);
      expect(res.headers.get('cache-control')).toBe(REDIRECT_CACHE_CONTROL);
    }
    expect((await get('/articles/a/', 'HEAD')).status).toBe(301);
    expect((await get('/articles/c/')).status).toBe(200);
    expect((await get('/articles/d/')).status).toBe(404);
    expect((await get(`/${REDIRECTS_JSON}`)).status).toBe(404);
    expect((await get(`/${REDIRECTS_NGINX}`)).status).toBe(404);
  });

  it('are read again when the build rewrites them, and an unreadable map means no redirects', async () => {
    writeBuild(new Map([['/articles/d/', '/articles/c/']]));
    expect(redirectTarget(root, '/articles/a/')).toBeNull();
    expect(redirectTarget(root, '/articles/d')).toBe('/articles/c/');
    fs.writeFileSync(path.join(root, REDIRECTS_JSON), '{ not json');
    expect(redirectTarget(root, '/articles/d/')).toBeNull();
    expect((await get('/articles/d/')).status).toBe(404);
  });
});
