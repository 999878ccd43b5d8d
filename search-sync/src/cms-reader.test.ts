import type { FeedArticle } from '@stackguide/contracts/index-feed';
import { StrapiError } from '@stackguide/runtime';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeStrapi, type FakeStrapi } from '@stackguide/test-kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeArticle } from '../test/helpers.ts';

import { CmsReader } from './cms-reader.ts';

let strapi: FakeStrapi<FeedArticle>;
let client: CmsReader;

beforeEach(async () => {
  strapi = await startFakeStrapi<FeedArticle>();
  for (let n = 1; n <= 25; n++) strapi.put(makeArticle(n));
  client = new CmsReader(strapi.url, strapi.token, 5_000, { documents: 10, stamps: 10 });
});
afterEach(() => strapi.stop());

const titles = (pages: { items: FeedArticle[] }[]) => pages.flatMap((p) => p.items.map((a) => a.title));

describe('CmsReader.publishedArticles', () => {
  it('lists every published article once, a page at a time, with the count at the start', async () => {
    const pages = [];
    for await (const page of client.publishedArticles()) pages.push(page);
    expect(pages.map((p) => p.items.length)).toEqual([10, 10, 5]);
    expect(pages.every((p) => p.total === 25)).toBe(true);
    expect(new Set(pages.flatMap((p) => p.items.map((a) => a.documentId))).size).toBe(25);
  });

  it('misses nothing when articles already listed are unpublished or republished mid-way', async () => {
    const pages = [];
    for await (const page of client.publishedArticles()) {
      if (pages.length === 0) {
        // Page numbers would shift here: the second page would start one article late.
        strapi.remove('doc0003');
        strapi.put(makeArticle(5, { title: 'Republished 5' }));
      }
      pages.push(page);
    }
    const listed = titles(pages);
    for (let n = 11; n <= 25; n++) expect(listed).toContain(`Zebra handbook article ${n}`);
    // The republished article comes again, after its old version: the last copy wins downstream.
    expect(listed.at(-1)).toBe('Republished 5');
  });

  it('passes filters through to every page', async () => {
    strapi.put(makeArticle(30, { roles: [{ documentId: 'role-frontend', name: 'Frontend developer', slug: 'frontend-developer' }] }));
    expect(await client.articlesReferencing('role', 'role-frontend')).toEqual(['doc0030']);
    expect(await client.articlesReferencing('role', 'role-backend')).toHaveLength(25);
  });
});

describe('CmsReader retries', () => {
  it('retries a listing page whose connection dropped, so a reindex keeps the pages it read', async () => {
    const pages = [];
    for await (const page of client.publishedArticles()) {
      if (pages.length === 0) strapi.failNext(1, 0);
      pages.push(page);
    }
    expect(pages.map((p) => p.items.length)).toEqual([10, 10, 5]);
    strapi.failNext(1, 503);
    expect(await client.publishedStamps()).toHaveLength(25);
  });

  it('reads queued items once: the queue retries them on its own schedule', async () => {
    strapi.failNext(1, 0);
    expect(await client.getPublishedArticle('doc0001').catch((e: unknown) => e)).toBeInstanceOf(StrapiError);
    expect(await client.getPublishedArticle('doc0001')).not.toBeNull();
  });
});

describe('CmsReader.getPublishedArticles', () => {
  it('reads the published ones among the ids asked for; the others are unpublished or gone', async () => {
    strapi.remove('doc0002');
    const found = await client.getPublishedArticles(['doc0001', 'doc0002', 'doc0003']);
    expect([...found.keys()]).toEqual(['doc0001', 'doc0003']);
    expect(await client.getPublishedArticle('doc0002')).toBeNull();
  });

  it('refuses an answer holding articles it did not ask for (a CMS whose feed predates ids), rather than read the rest as unpublished', async () => {
    const old = http.createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: [makeArticle(7)], meta: { total: 1 } })),
    );
    await new Promise<void>((resolve) => old.listen(0, '127.0.0.1', resolve));
    try {
      const oldClient = new CmsReader(`http://127.0.0.1:${(old.address() as AddressInfo).port}`, 'token');
      const err = await oldClient.getPublishedArticles(['doc0001']).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StrapiError);
      expect((err as Error).message).toMatch(/doc0007.*predates \?ids=/);
    } finally {
      old.closeAllConnections();
      await new Promise((resolve) => old.close(resolve));
    }
  });
});
