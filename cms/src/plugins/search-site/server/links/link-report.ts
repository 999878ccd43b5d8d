import type { Core } from '@strapi/strapi';
import type { StackguideConfig } from '../../../../../config/stackguide';
import type { ArticleLinks, ArticleRef, BrokenLink, BrokenLinks } from '../../shared/contracts';
import { linkRows } from './link-index';
import { LINK_TABLE, type LinkRow } from './link-model';

const ARTICLE = 'api::article.article';
const UIDS = { article: ARTICLE, role: 'api::role.role', skill: 'api::skill.skill' } as const;
type Kind = keyof typeof UIDS;
/** Articles a panel names of those linking here; the count covers all. */
const LINKED_FROM_SHOWN = 20;

const tableOf = (strapi: Core.Strapi, kind: Kind) => strapi.db.metadata.get(UIDS[kind]).tableName;
const unique = <T>(items: T[]) => [...new Set(items)];

/**
 * Each row with what is wrong with its target, or null when readers can open it: no entry by that
 * slug (`missing`), or an article that is not published (`draft`).
 */
async function judge<R extends LinkRow>(strapi: Core.Strapi, rows: R[]): Promise<(R & { problem: BrokenLink['problem'] | null })[]> {
  const slugs = (kind: Kind) => unique(rows.filter((r) => r.kind === kind).map((r) => r.slug));
  const found = async (kind: Kind) =>
    slugs(kind).length === 0
      ? []
      : ((await strapi.db.query(UIDS[kind]).findMany({ where: { slug: { $in: slugs(kind) } }, select: ['slug', 'publishedAt'] })) as {
          slug: string;
          publishedAt: unknown;
        }[]);
  const [articles, roles, skills] = await Promise.all([found('article'), found('role'), found('skill')]);
  const live = new Set([
    ...articles.filter((a) => a.publishedAt).map((a) => `article ${a.slug}`),
    ...roles.map((r) => `role ${r.slug}`),
    ...skills.map((s) => `skill ${s.slug}`),
  ]);
  const drafts = new Set(articles.map((a) => a.slug));
  return rows.map((r) => ({
    ...r,
    problem: live.has(`${r.kind} ${r.slug}`) ? null : r.kind === 'article' && drafts.has(r.slug) ? 'draft' : 'missing',
  }));
}

const asBroken = (r: LinkRow & { problem: BrokenLink['problem'] }): BrokenLink => ({
  url: r.url,
  text: r.label,
  kind: r.kind as Kind,
  slug: r.slug,
  problem: r.problem,
});

const isBroken = <R extends { problem: BrokenLink['problem'] | null }>(r: R): r is R & { problem: BrokenLink['problem'] } =>
  r.problem !== null;

/**
 * The edit view's link check: the broken links of the saved draft's body, and the published
 * articles linking to this one (at its published and its draft slug) — the ones an unpublish or a
 * delete would break.
 */
export async function articleLinks(strapi: Core.Strapi, documentId: string): Promise<ArticleLinks> {
  const query = strapi.db.query(ARTICLE);
  const [draft, published] = await Promise.all([
    query.findOne({ where: { documentId, publishedAt: null }, select: ['documentId', 'slug', 'body'] }),
    query.findOne({ where: { documentId, publishedAt: { $notNull: true } }, select: ['slug'] }),
  ]);
  const siteUrl = strapi.config.get<StackguideConfig>('stackguide').siteUrl;
  const rows = draft ? linkRows({ documentId, slug: draft.slug, body: draft.body }, siteUrl) : [];
  const broken = (await judge(strapi, rows)).filter(isBroken).map(asBroken);
  const slugs = unique([draft?.slug, published?.slug].filter((s): s is string => typeof s === 'string'));
  if (slugs.length === 0) return { broken, linkedFrom: { count: 0, articles: [] } };
  const knex = strapi.db.connection;
  const linking = () =>
    knex(`${LINK_TABLE} as l`)
      .join(`${tableOf(strapi, 'article')} as s`, (on) => on.on('s.document_id', '=', 'l.source').andOnNotNull('s.published_at'))
      .where('l.kind', 'article')
      .whereIn('l.slug', slugs)
      .whereNot('l.source', documentId);
  const [counted, articles] = await Promise.all([
    linking().countDistinct({ count: 'l.source' }),
    linking().distinct('l.source as documentId', 's.title as title').orderBy('s.title').limit(LINKED_FROM_SHOWN),
  ]);
  return { broken, linkedFrom: { count: Number(counted[0]?.count ?? 0), articles: articles as ArticleRef[] } };
}

/**
 * Broken internal links across published articles, from the link index: links whose article,
 * role or skill does not exist or (an article) is not published. The first `limit` by the linking
 * article's title, and how many there are.
 */
export async function brokenLinks(strapi: Core.Strapi, limit: number): Promise<BrokenLinks> {
  const knex = strapi.db.connection;
  const gone = (kind: Kind) => (q: ReturnType<typeof knex>) =>
    q.where('l.kind', kind).whereNotExists((sub) => {
      sub
        .select(knex.raw('1'))
        .from(`${tableOf(strapi, kind)} as t`)
        .whereRaw('?? = ??', ['t.slug', 'l.slug']);
      if (kind === 'article') sub.whereNotNull('t.published_at');
    });
  const broken = () =>
    knex(`${LINK_TABLE} as l`)
      .join(`${tableOf(strapi, 'article')} as s`, (on) => on.on('s.document_id', '=', 'l.source').andOnNotNull('s.published_at'))
      .where((q) => q.where(gone('article')).orWhere(gone('role')).orWhere(gone('skill')));
  const [counted, rows] = await Promise.all([
    broken().count({ count: '*' }),
    broken()
      .select('l.source', 'l.kind', 'l.slug', 'l.url', 'l.label', 's.title')
      .orderBy([{ column: 's.title' }, { column: 'l.id' }])
      .limit(limit),
  ]);
  // A link fixed between the two reads drops out here.
  const judged = (await judge(strapi, rows as (LinkRow & { title: string })[])).filter(isBroken);
  return {
    total: Number(counted[0]?.count ?? 0),
    links: judged.map((r) => ({ ...asBroken(r), source: { documentId: r.source, title: r.title } })),
  };
}
