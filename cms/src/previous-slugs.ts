import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from './preview-link';

/** One entry of an article's `previousSlugs` (the contract's `PreviousSlug`, as stored: JSON). */
export type StoredPreviousSlug = { slug: string; until: string };

const FIELD = 'previousSlugs';

function isEntry(value: unknown): value is StoredPreviousSlug {
  const entry = value as Partial<StoredPreviousSlug> | null;
  return typeof entry?.slug === 'string' && entry.slug !== '' && typeof entry.until === 'string';
}

/**
 * The list after a publish or unpublish: `left` (the slug the article was live under just before,
 * if any) is recorded as left at `at`, replacing an older entry for it; `live` (the slug it is
 * live under now, if it is) is dropped, since its own page answers there. Oldest first.
 */
export function nextPreviousSlugs(stored: unknown, left: string | null, live: string | null, at: Date): StoredPreviousSlug[] {
  const list = (Array.isArray(stored) ? stored : []).filter(isEntry).filter((e) => e.slug !== left && e.slug !== live);
  if (left && left !== live) list.push({ slug: left, until: at.toISOString() });
  return list;
}

type Row = { slug: string | null; publishedAt: unknown; previousSlugs: unknown };

function rowsOf(strapi: Core.Strapi, documentId: string): Promise<Row[]> {
  return strapi.db.query(ARTICLE_UID).findMany({ where: { documentId }, select: ['slug', 'publishedAt', FIELD] });
}

const liveSlug = (rows: Row[]) => rows.find((r) => r.publishedAt !== null)?.slug ?? null;

/**
 * Keeps each article's `previousSlugs`: the slugs it was live under before, so the site can answer
 * their old addresses with a permanent redirect (a rebuild or restart loses nothing: the CMS is the
 * system of record). Recorded on every publish (and create or update that publishes) whose slug
 * differs from the live one, and on unpublish (an article renamed while unpublished still
 * redirects from where it was live). Only this module writes the list, on every version of the
 * document alike (Strapi makes the published version from the draft on publish): editors, the API,
 * clones and restored history versions cannot set it. Only published slugs are ever recorded, so
 * a draft's slug never shows through it.
 */
export function registerPreviousSlugs(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    if (ctx.uid !== ARTICLE_UID) return next();
    const params = ctx.params as { documentId?: string; status?: string; data?: Record<string, unknown> };
    if ((ctx.action === 'create' || ctx.action === 'update' || ctx.action === 'clone') && params.data && FIELD in params.data) {
      const { [FIELD]: _ignored, ...data } = params.data;
      params.data = data;
    }
    const publishing = ctx.action === 'publish' || ((ctx.action === 'create' || ctx.action === 'update') && params.status === 'published');
    if (!publishing && ctx.action !== 'unpublish' && ctx.action !== 'clone') return next();
    const cloning = ctx.action === 'clone';
    const before = params.documentId && !cloning ? liveSlug(await rowsOf(strapi, params.documentId)) : null;
    const result = await next();
    // A clone's result (`{ documentId, entries }`) and a create's name the new document.
    const documentId = (cloning ? undefined : params.documentId) ?? (result as { documentId?: string } | null)?.documentId;
    if (!documentId) return result;
    // A copy is a new article: the original's old addresses stay the original's.
    if (cloning) await store(strapi, documentId, null);
    else await record(strapi, documentId, before);
    return result;
  });
}

async function record(strapi: Core.Strapi, documentId: string, before: string | null): Promise<void> {
  const rows = await rowsOf(strapi, documentId);
  // The draft is never replaced by a publish, so it holds the list even if Strapi's copy did not.
  const stored = (rows.find((r) => r.publishedAt === null) ?? rows[0])?.previousSlugs;
  const list = nextPreviousSlugs(stored, before, liveSlug(rows), new Date());
  const same = (value: unknown) => JSON.stringify(value ?? []) === JSON.stringify(list);
  if (rows.some((r) => !same(r.previousSlugs))) await store(strapi, documentId, list);
}

async function store(strapi: Core.Strapi, documentId: string, list: StoredPreviousSlug[] | null): Promise<void> {
  await strapi.db.query(ARTICLE_UID).updateMany({ where: { documentId }, data: { [FIELD]: list } });
}
