import { z } from 'astro/zod';
import { StrapiContentError } from '../errors.ts';

/** Strapi's public API caps pageSize at 100. */
export const PAGE_SIZE = 100;
const CONSISTENCY_ATTEMPTS = 3;
/** Pages requested at once: Strapi's per-request latency, not its throughput, limits a full listing. */
const IN_FLIGHT = 4;

const listResponseSchema = z.object({
  data: z.array(z.unknown()),
  meta: z.object({
    pagination: z.object({ page: z.number(), pageSize: z.number(), pageCount: z.number(), total: z.number() }),
  }),
});

function pageUrl(listUrl: string, filters: URLSearchParams, page: number): string {
  const params = new URLSearchParams(filters);
  params.set('pagination[page]', String(page));
  params.set('pagination[pageSize]', String(PAGE_SIZE));
  params.set('sort[0]', 'id:asc');
  return `${listUrl}?${params}`;
}

function documentIdOf(item: unknown): string | undefined {
  return item && typeof item === 'object' && 'documentId' in item && typeof item.documentId === 'string' ? item.documentId : undefined;
}

async function getPage(listUrl: string, filters: URLSearchParams, page: number, get: (url: string) => Promise<unknown>) {
  const url = pageUrl(listUrl, filters, page);
  const parsed = listResponseSchema.safeParse(await get(url));
  if (!parsed.success) throw new StrapiContentError(url, 'expected { data: [...], meta: { pagination } }');
  return parsed.data;
}

/** The first page says how many there are; the rest are fetched IN_FLIGHT at a time, kept in order. */
async function listOnce(listUrl: string, filters: URLSearchParams, get: (url: string) => Promise<unknown>): Promise<{ items: unknown[]; total: number }> {
  const first = await getPage(listUrl, filters, 1, get);
  const { pageCount, total } = first.meta.pagination;
  const pages: unknown[][] = [first.data];
  for (let start = 2; start <= pageCount; start += IN_FLIGHT) {
    const numbers = Array.from({ length: Math.min(IN_FLIGHT, pageCount - start + 1) }, (_, i) => start + i);
    for (const page of await Promise.all(numbers.map((n) => getPage(listUrl, filters, n, get)))) pages.push(page.data);
  }
  return { items: pages.flat(), total };
}

/**
 * Every item of a Strapi collection (those matching `filters`, when given), page by page. When
 * publishing or deleting shifts the pages mid-way (items missing or doubled against the reported
 * total), the listing starts over.
 * @throws StrapiContentError when the listing stays inconsistent.
 */
export async function listAll(listUrl: string, get: (url: string) => Promise<unknown>, filters = new URLSearchParams()): Promise<unknown[]> {
  let detail = '';
  for (let attempt = 1; attempt <= CONSISTENCY_ATTEMPTS; attempt++) {
    const { items, total } = await listOnce(listUrl, filters, get);
    const unique = new Set(items.map(documentIdOf));
    if (items.length === total && unique.size === total) return items;
    detail = `got ${items.length} items (${unique.size} distinct) but Strapi reported ${total}`;
  }
  throw new StrapiContentError(listUrl, `listing kept changing while paging: ${detail}`);
}
