import { z } from 'astro/zod';
import { StrapiContentError } from '../errors.ts';

/** Strapi's public API caps pageSize at 100. */
export const PAGE_SIZE = 100;
const CONSISTENCY_ATTEMPTS = 3;

const listResponseSchema = z.object({
  data: z.array(z.unknown()),
  meta: z.object({
    pagination: z.object({ page: z.number(), pageSize: z.number(), pageCount: z.number(), total: z.number() }),
  }),
});

function pageUrl(listUrl: string, page: number): string {
  const params = new URLSearchParams({
    'pagination[page]': String(page),
    'pagination[pageSize]': String(PAGE_SIZE),
    'sort[0]': 'id:asc',
  });
  return `${listUrl}?${params}`;
}

function documentIdOf(item: unknown): string | undefined {
  return item && typeof item === 'object' && 'documentId' in item && typeof item.documentId === 'string' ? item.documentId : undefined;
}

async function listOnce(listUrl: string, get: (url: string) => Promise<unknown>): Promise<{ items: unknown[]; total: number }> {
  const items: unknown[] = [];
  let total = 0;
  for (let page = 1, pageCount = 1; page <= pageCount; page++) {
    const url = pageUrl(listUrl, page);
    const parsed = listResponseSchema.safeParse(await get(url));
    if (!parsed.success) throw new StrapiContentError(url, 'expected { data: [...], meta: { pagination } }');
    items.push(...parsed.data.data);
    ({ pageCount, total } = parsed.data.meta.pagination);
  }
  return { items, total };
}

/**
 * Every item of a Strapi collection, page by page. When publishing or deleting shifts the pages
 * mid-way (items missing or doubled against the reported total), the listing starts over.
 * @throws StrapiContentError when the listing stays inconsistent.
 */
export async function listAll(listUrl: string, get: (url: string) => Promise<unknown>): Promise<unknown[]> {
  let detail = '';
  for (let attempt = 1; attempt <= CONSISTENCY_ATTEMPTS; attempt++) {
    const { items, total } = await listOnce(listUrl, get);
    const unique = new Set(items.map(documentIdOf));
    if (items.length === total && unique.size === total) return items;
    detail = `got ${items.length} items (${unique.size} distinct) but Strapi reported ${total}`;
  }
  throw new StrapiContentError(listUrl, `listing kept changing while paging: ${detail}`);
}
