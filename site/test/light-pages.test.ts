import fs from 'node:fs';
import path from 'node:path';
import { startFakeStrapi, type FakeStrapi } from '@stackguide/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesUnder, readDist } from './dist-checks.ts';
import { makeContent } from './fixtures.ts';
import { buildSiteForTest } from './site-build.ts';

// Pages that list articles must not grow with the site: at 10,000 articles every HTML page stays
// under 100 KB. (An article page's size is its own body's, the same at any site size.)
const ARTICLES = 10_000;
const LIMIT = 100 * 1024;
let strapi: FakeStrapi;
let dist: string;

beforeAll(async () => {
  strapi = await startFakeStrapi(makeContent(ARTICLES));
  dist = await buildSiteForTest(strapi.url, strapi.token);
}, 600_000);
afterAll(async () => {
  if (dist) fs.rmSync(dist, { recursive: true, force: true });
  await strapi?.stop();
});

describe(`a site of ${ARTICLES.toLocaleString('en')} articles`, () => {
  it('has no HTML page over 100 KB', () => {
    const sizes = filesUnder(dist)
      .filter((f) => f.endsWith('.html'))
      .map((file) => ({ file, bytes: fs.statSync(path.join(dist, file)).size }))
      .sort((a, b) => b.bytes - a.bytes);
    expect(sizes.length).toBeGreaterThan(ARTICLES);
    expect(sizes.filter((s) => s.bytes > LIMIT)).toEqual([]);
  });

  it('summarises on role, skill and search pages and links to the paginated lists', () => {
    const role = readDist(dist, 'roles/backend-developer/index.html');
    const all = /<a href="\/roles\/backend-developer\/articles\/">All ([\d,]+) articles for backend developers<\/a>/.exec(role);
    expect(Number(all?.[1]?.replace(/,/g, ''))).toBeGreaterThan(3_000);
    const page2 = readDist(dist, 'roles/backend-developer/articles/2/index.html');
    expect(page2).toContain('href="/roles/backend-developer/articles/1/" rel="next"');
    expect(page2).toContain('href="/roles/backend-developer/articles/3/" rel="prev"');
    expect(readDist(dist, 'skills/go/index.html')).toContain('href="/skills/go/articles/"');
    const search = readDist(dist, 'search/index.html');
    expect(search).toContain('href="/roles/frontend-developer/articles/"');
    expect(search.match(/<li><a href="\/articles\//g)?.length).toBeLessThanOrEqual(40);
  });
});
