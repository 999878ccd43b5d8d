import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pageScripts } from '@stackguide/site/page-scripts';

/** The largest HTML file of a build and its size: pages that list articles must not grow with the site. */
export function largestHtml(outDir: string): { file: string; bytes: number } {
  const sizes = fs
    .readdirSync(outDir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.html'))
    .map((file) => ({ file, bytes: fs.statSync(path.join(outDir, file)).size }));
  return sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a), { file: '', bytes: 0 });
}

/** Gzip bytes of every JavaScript file the built site ships (the search, and the articles' table of contents). */
export function jsGzipBytes(outDir: string): { files: number; gzipBytes: number } {
  const files = fs
    .readdirSync(outDir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.js'));
  const gzipBytes = files.reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(outDir, f)), { level: 9 }).length, 0);
  return { files: files.length, gzipBytes };
}

/**
 * Gzip bytes of the search's JavaScript: every script the built /search/ page runs, from a file or
 * inline (JSON-LD aside), which includes the header box every page carries. The articles' table of
 * contents is not search code; the site's tests budget it apart.
 */
export function searchJsGzipBytes(outDir: string): { files: number; gzipBytes: number } {
  const scripts = pageScripts(outDir, 'search/index.html');
  const gzipBytes = scripts.reduce((sum, text) => sum + zlib.gzipSync(text, { level: 9 }).length, 0);
  return { files: scripts.length, gzipBytes };
}
