import { afterEach, describe, expect, it } from 'vitest';
import { startFakeStrapi, type FakeStrapi } from './fake-strapi.ts';

type Item = { id: number; documentId: string; roles: { documentId: string }[] };
const item = (n: number, role = 'role-a'): Item => ({ id: n, documentId: `doc-${n}`, roles: [{ documentId: role }] });

let strapi: FakeStrapi<Item> | undefined;
afterEach(async () => {
  await strapi?.stop();
  strapi = undefined;
});

type Answer = { data: Item[] | Item | null; meta?: { pagination?: Record<string, number> } };

async function get(path: string, token = strapi!.token): Promise<{ status: number; body: Answer }> {
  const res = await fetch(`${strapi!.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as Answer };
}

describe('fake Strapi', () => {
  it('pages like the CMS, capped at 1,000 per page, ordered by id', async () => {
    strapi = await startFakeStrapi<Item>({ articles: Array.from({ length: 2500 }, (_, i) => item(2500 - i)) });
    const page = await get('/api/articles?pagination[page]=3&pagination[pageSize]=5000');
    expect(page.body.meta?.pagination).toEqual({ page: 3, pageSize: 1000, pageCount: 3, total: 2500 });
    expect((page.body.data as Item[]).map((a) => a.id)).toEqual(Array.from({ length: 500 }, (_, i) => 2001 + i));
  });

  it('filters by documentId list and by related role, and serves one article by documentId', async () => {
    strapi = await startFakeStrapi<Item>({ articles: [item(1), item(2, 'role-b'), item(3)] });
    const batch = await get('/api/articles?filters[documentId][$in][0]=doc-1&filters[documentId][$in][1]=doc-2');
    expect((batch.body.data as Item[]).map((a) => a.documentId)).toEqual(['doc-1', 'doc-2']);
    const byRole = await get('/api/articles?filters[roles][documentId][$eq]=role-b');
    expect((byRole.body.data as Item[]).map((a) => a.documentId)).toEqual(['doc-2']);
    expect((await get('/api/articles/doc-3')).body.data).toEqual(item(3));
    expect((await get('/api/articles/doc-9')).status).toBe(404);
  });

  it('put replaces by documentId under a new highest id, remove unpublishes, and both show in the next answer', async () => {
    strapi = await startFakeStrapi<Item>();
    strapi.put(item(1));
    strapi.put(item(3));
    strapi.put({ ...item(1), roles: [] });
    strapi.put(item(2));
    strapi.remove('doc-2');
    expect(strapi.collections.articles).toEqual([
      { ...item(1), id: 3, roles: [] },
      { ...item(3), id: 2 },
    ]);
    expect((await get('/api/articles')).body.meta?.pagination?.total).toBe(2);
    const after = await get('/api/articles?filters[id][$gt]=2&pagination[withCount]=false');
    expect((after.body.data as Item[]).map((a) => a.documentId)).toEqual(['doc-1']);
    expect(after.body.meta?.pagination).toEqual({ page: 1, pageSize: 25 });
  });

  it('refuses a wrong token, fails on demand, and records every API request decoded', async () => {
    strapi = await startFakeStrapi<Item>({ articles: [item(1)] });
    expect((await get('/api/articles', 'wrong')).status).toBe(401);
    strapi.failNext(1, 503);
    expect((await get('/api/articles')).status).toBe(503);
    strapi.failWith.set('doc-1', 403);
    expect((await get('/api/articles?filters[documentId][$in][0]=doc-1')).status).toBe(403);
    expect(strapi.requests).toEqual(['/api/articles', '/api/articles', '/api/articles?filters[documentId][$in][0]=doc-1']);
  });

  it('holds requests until released, and serves a real PNG under /uploads/', async () => {
    strapi = await startFakeStrapi<Item>({ articles: [item(1)] });
    strapi.hold();
    let answered = false;
    const pending = get('/api/articles').then((r) => {
      answered = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(answered).toBe(false);
    strapi.release();
    expect((await pending).status).toBe(200);
    const png = await fetch(`${strapi.url}/uploads/cover.png`);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });
});
