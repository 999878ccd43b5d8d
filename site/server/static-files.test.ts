import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFile } from './security-headers.ts';
import { builtHeaders, resolvePath, serveStatic } from './static-files.ts';

let root: string;
let outside: string;
beforeAll(() => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'site-static-'));
  root = path.join(base, 'dist');
  outside = path.join(base, 'secret.txt');
  fs.mkdirSync(path.join(root, 'articles', 'a'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), 'home');
  fs.writeFileSync(path.join(root, 'articles', 'a', 'index.html'), 'a');
  fs.writeFileSync(outside, 'secret');
  fs.writeFileSync(path.join(root, '_headers'), headersFile({ 'x-probe': 'yes', 'x-content-type-options': 'nosniff' }));
});
afterAll(() => fs.rmSync(path.dirname(root), { recursive: true, force: true }));

describe('resolvePath', () => {
  it('serves directory indexes and redirects to the trailing-slash form', () => {
    expect(resolvePath(root, '/')).toEqual({ kind: 'file', file: path.join(root, 'index.html') });
    expect(resolvePath(root, '/articles/a/')).toEqual({ kind: 'file', file: path.join(root, 'articles', 'a', 'index.html') });
    expect(resolvePath(root, '/articles/a')).toEqual({ kind: 'redirect', location: '/articles/a/' });
    expect(resolvePath(root, '/nope/')).toEqual({ kind: 'missing' });
    expect(resolvePath(root, '/articles/')).toEqual({ kind: 'missing' });
  });

  it('never leaves the root', () => {
    for (const attempt of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/articles/..%2f..%2fsecret.txt',
      '/..\\secret.txt',
      '/%2e%2e%5csecret.txt',
    ]) {
      const resolved = resolvePath(root, attempt);
      if (resolved.kind === 'file') expect(resolved.file.startsWith(root + path.sep)).toBe(true);
    }
    expect(resolvePath(root, '/%E0%A4%A')).toEqual({ kind: 'bad' });
    expect(resolvePath(root, '/index.html%00.png')).toEqual({ kind: 'bad' });
  });
});

describe('serveStatic', () => {
  it("answers every request with the build's headers, and never serves the headers file itself", async () => {
    const server = http.createServer((req, res) => serveStatic(root, req, res, builtHeaders(root)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (const [route, status, method] of [
        ['/', 200, 'GET'],
        ['/articles/a', 301, 'GET'],
        ['/nope/', 404, 'GET'],
        ['/_headers', 404, 'GET'],
        ['/%E0%A4%A', 400, 'GET'],
        ['/', 405, 'POST'],
      ] as const) {
        const res = await fetch(`${base}${route}`, { method, redirect: 'manual' });
        expect(res.status, route).toBe(status);
        expect(res.headers.get('x-probe'), route).toBe('yes');
        expect(await res.text()).not.toContain('x-probe');
      }
    } finally {
      server.close();
    }
  });
});
