import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { jsGzipBytes, searchJsGzipBytes } from './dist-sizes.ts';

const gz = (text: string) => zlib.gzipSync(text, { level: 9 }).length;
let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('JavaScript a build ships', () => {
  it('counts as search code the scripts the search page runs, not the table of contents nor JSON-LD', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-js-'));
    const search = 'export const search = () => fetch("/multi-search");'.repeat(20);
    const toc = 'document.querySelectorAll(".toc a");';
    const inline = 'document.documentElement.dataset.theme = "dark";';
    fs.mkdirSync(path.join(dir, '_astro'));
    fs.mkdirSync(path.join(dir, 'search'));
    fs.writeFileSync(path.join(dir, '_astro', 'SearchBox.abc.js'), search);
    fs.writeFileSync(path.join(dir, '_astro', 'Toc.def.js'), toc);
    fs.writeFileSync(
      path.join(dir, 'search', 'index.html'),
      `<script type="application/ld+json">{"@type":"WebSite"}</script><script>${inline}</script><script type="module" src="/_astro/SearchBox.abc.js"></script>`,
    );
    expect(searchJsGzipBytes(dir)).toEqual({ files: 2, gzipBytes: gz(search) + gz(inline) });
    expect(jsGzipBytes(dir)).toEqual({ files: 2, gzipBytes: gz(search) + gz(toc) });
  });
});
