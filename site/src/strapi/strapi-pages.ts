import { keysetPageQuery, LISTING_PAGE, type StrapiClient } from '@stackguide/runtime';
import { z } from 'astro/zod';
import { StrapiContentError } from '../errors.ts';

const CONSISTENCY_ATTEMPTS = 3;

const listResponseSchema = z.object({
  data: z.array(z.unknown()),
  meta: z.object({ pagination: z.object({ total: z.number().optional() }) }),
});

function documentIdOf(item: unknown): string | undefined {
  return item && typeof item === 'object' && 'documentId' in item && typeof item.documentId === 'string' ? item.documentId : undefined;
}

async function getPage(client: StrapiClient, path: string, filters: URLSearchParams, afterId: number) {
  const query = keysetPageQuery(filters, afterId, LISTING_PAGE.documents);
  const url = client.url(path, query);
  const parsed = listResponseSchema.safeParse(await client.getJson(path, query));
  if (!parsed.success) throw new StrapiContentError(url, 'expected { data: [...], meta: { pagination } }');
  const last = parsed.data.data.at(-1);
  const lastId = last && typeof last === 'object' && 'id' in last && typeof last.id === 'number' ? last.id : undefined;
  if (last !== undefined && lastId === undefined) throw new StrapiContentError(url, 'expected every entry to have a numeric id');
  return { items: parsed.data.data, total: parsed.data.meta.pagination.total, lastId };
}

/** Turns one page of raw items into what the caller keeps, before the next page arrives. */
export type EachPage<T> = (items: unknown[], url: string) => Promise<T[]>;

/** The first page says how many there are; each next one starts after the last id seen. */
async function listOnce<T>(
  client: StrapiClient,
  path: string,
  filters: URLSearchParams,
  each: EachPage<T>,
): Promise<{ items: T[]; total: number }> {
  const first = await getPage(client, path, filters, 0);
  const items = await each(first.items, client.url(path));
  let page = first;
  while (page.items.length === LISTING_PAGE.documents && page.lastId !== undefined) {
    page = await getPage(client, path, filters, page.lastId);
    items.push(...(await each(page.items, client.url(path))));
  }
  return { items, total: first.total ?? items.length };
}

/**
 * Every item of a Strapi collection (those matching `filters`, when given), page by page, each page
 * passed through `each` as it arrives, so a large collection is never held whole as Strapi sent it.
 * When publishing or deleting changes the collection mid-way (a republished entry, which gets a
 * new id, comes twice; the count no longer matches), the listing starts over.
 * @throws StrapiError when Strapi stays unreachable, StrapiContentError when the listing stays inconsistent.
 */
export async function listAll<T = unknown>(
  client: StrapiClient,
  path: string,
  filters = new URLSearchParams(),
  each: EachPage<T> = async (items) => items as T[],
): Promise<T[]> {
  let detail = '';
  for (let attempt = 1; attempt <= CONSISTENCY_ATTEMPTS; attempt++) {
    const { items, total } = await listOnce(client, path, filters, each);
    const unique = new Set(items.map(documentIdOf));
    if (items.length === total && unique.size === total) return items;
    detail = `got ${items.length} items (${unique.size} distinct) but Strapi reported ${total}`;
  }
  throw new StrapiContentError(client.url(path), `listing kept changing while paging: ${detail}`);
}
