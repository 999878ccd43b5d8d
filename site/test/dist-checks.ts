import fs from 'node:fs';
import path from 'node:path';
import { resolvePath } from '../server/static-files.ts';

/** Every file under `dir`, as paths relative to it with forward slashes. */
export function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

export function readDist(dist: string, file: string): string {
  return fs.readFileSync(path.join(dist, file), 'utf8');
}

const decodeEntities = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&#34;|&quot;/g, '"')
    .replace(/&#39;/g, "'");

/**
 * Internal links in the built HTML that do not lead to a file: every href/src that is a
 * root-relative path or an absolute URL on `siteUrl`.
 */
export function brokenInternalLinks(dist: string, siteUrl: string): string[] {
  const broken = new Set<string>();
  for (const file of filesUnder(dist).filter((f) => f.endsWith('.html'))) {
    const html = readDist(dist, file);
    for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      let target = decodeEntities(match[1]!);
      if (target.startsWith(siteUrl)) target = target.slice(siteUrl.length) || '/';
      if (!target.startsWith('/') || target.startsWith('//')) continue;
      const pathname = target.split(/[?#]/)[0]!;
      if (resolvePath(dist, pathname).kind !== 'file') broken.add(`${file} → ${target}`);
    }
  }
  return [...broken];
}

/** The <loc> entries of every sitemap file. */
export function sitemapUrls(dist: string): string[] {
  return filesUnder(dist)
    .filter((f) => /^sitemap-\d+\.xml$/.test(f))
    .flatMap((f) => [...readDist(dist, f).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!));
}

/** The <link> of every RSS item. */
export function rssItemLinks(dist: string): string[] {
  return [...readDist(dist, 'rss.xml').matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((m) => m[1]!);
}

/** Files only one of the two builds has, and files whose bytes differ: empty when the builds are identical. */
export function differences(a: string, b: string): string[] {
  const left = new Set(filesUnder(a));
  const right = new Set(filesUnder(b));
  const out: string[] = [];
  for (const file of left) if (!right.has(file)) out.push(`only in ${a}: ${file}`);
  for (const file of right) if (!left.has(file)) out.push(`only in ${b}: ${file}`);
  for (const file of left)
    if (right.has(file) && !fs.readFileSync(path.join(a, file)).equals(fs.readFileSync(path.join(b, file)))) out.push(`differs: ${file}`);
  return out.sort();
}
