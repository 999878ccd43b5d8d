import { bodyLinks } from '@stackguide/content';
import type { Block } from '@stackguide/contracts/blocks';
import { articlePath, linkTarget } from '@stackguide/contracts/site-paths';
import type { Core } from '@strapi/strapi';
import type { StackguideConfig } from '../../../../../config/stackguide';
import { LINK_TABLE, type LinkRow } from './link-model';

const ARTICLE = 'api::article.article';
/** Bump when what the index holds changes, so existing databases are indexed again on the next start. */
const INDEX_VERSION = 1;
/** Published bodies read per query while rebuilding. */
const PAGE = 500;
/** Rows per insert: five values each, well under SQLite's limit of variables per statement. */
const INSERT_CHUNK = 100;

type Source = { documentId: string; slug: unknown; body: unknown };

/** The internal links of one published article, each target once per URL, links to itself left out. */
export function linkRows(article: Source, siteUrl: string): LinkRow[] {
  const slug = String(article.slug ?? '');
  const page = `${siteUrl}${articlePath(slug)}`;
  const rows = new Map<string, LinkRow>();
  for (const link of bodyLinks(Array.isArray(article.body) ? (article.body as Block[]) : [])) {
    const target = linkTarget(link.url, page);
    if (!target || (target.kind === 'article' && target.slug === slug)) continue;
    const key = `${target.kind}\n${target.slug}\n${link.url}`;
    if (!rows.has(key)) rows.set(key, { source: article.documentId, ...target, url: link.url, label: link.text });
  }
  return [...rows.values()];
}

const siteUrlOf = (strapi: Core.Strapi) => strapi.config.get<StackguideConfig>('stackguide').siteUrl;

async function insert(trx: (table: string) => { insert(rows: LinkRow[]): Promise<unknown> }, rows: LinkRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await trx(LINK_TABLE).insert(rows.slice(i, i + INSERT_CHUNK));
}

/** Indexes the links of the article's published version, or removes them when it has none (unpublished, deleted). */
export async function indexArticleLinks(strapi: Core.Strapi, documentId: string): Promise<void> {
  const published = (await strapi.db.query(ARTICLE).findOne({
    where: { documentId, publishedAt: { $notNull: true } },
    select: ['documentId', 'slug', 'body'],
  })) as Source | null;
  const rows = published ? linkRows(published, siteUrlOf(strapi)) : [];
  await strapi.db.transaction(async ({ trx }) => {
    await trx(LINK_TABLE).where('source', documentId).delete();
    await insert(trx, rows);
  });
}

/** Indexes every published article anew; returns the number of links. */
export async function rebuildLinkIndex(strapi: Core.Strapi): Promise<number> {
  const siteUrl = siteUrlOf(strapi);
  let after = 0;
  let count = 0;
  await strapi.db.transaction(async ({ trx }) => {
    await trx(LINK_TABLE).delete();
    for (;;) {
      const page = (await strapi.db.query(ARTICLE).findMany({
        where: { publishedAt: { $notNull: true }, id: { $gt: after } },
        select: ['id', 'documentId', 'slug', 'body'],
        orderBy: { id: 'asc' },
        limit: PAGE,
      })) as (Source & { id: number })[];
      if (page.length === 0) break;
      const rows = page.flatMap((article) => linkRows(article, siteUrl));
      await insert(trx, rows);
      count += rows.length;
      after = page.at(-1)!.id;
    }
  });
  await strapi.store({ type: 'plugin', name: 'search-site', key: 'link-index' }).set({ value: indexStamp(siteUrl) });
  return count;
}

// Absolute links are judged against SITE_URL, so another site URL means another index.
const indexStamp = (siteUrl: string) => `${INDEX_VERSION} ${new URL(siteUrl).origin}`;

/** Rebuilds the index when it was built by another version or for another SITE_URL (or never). */
export async function ensureLinkIndex(strapi: Core.Strapi): Promise<void> {
  const stamp = await strapi.store({ type: 'plugin', name: 'search-site', key: 'link-index' }).get();
  if (stamp === indexStamp(siteUrlOf(strapi))) return;
  const started = Date.now();
  const links = await rebuildLinkIndex(strapi);
  strapi.log.info(`Indexed ${links} internal links of published articles in ${Date.now() - started} ms.`);
}

/**
 * Keeps the index in step with what is published: after every publish, unpublish and delete of an
 * article. A failure is logged, never turned into a failed publish (which has already happened).
 */
export function registerLinkIndexing(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    const result = await next();
    if (ctx.uid !== ARTICLE) return result;
    const params = ctx.params as { documentId?: string; status?: string };
    const changesPublished =
      ['publish', 'unpublish', 'delete'].includes(ctx.action) ||
      ((ctx.action === 'create' || ctx.action === 'update') && params.status === 'published');
    const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
    if (changesPublished && documentId)
      await indexArticleLinks(strapi, documentId).catch((err: unknown) =>
        strapi.log.error(`Could not index the links of article ${documentId}: ${err instanceof Error ? err.message : String(err)}`),
      );
    return result;
  });
}
