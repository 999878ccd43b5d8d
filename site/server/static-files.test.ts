import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvePath } from './static-files.ts';

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
