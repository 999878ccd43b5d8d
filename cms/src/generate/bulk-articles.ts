import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { SyntheticArticle } from './synthetic-articles';

const ARTICLE = 'api::article.article';
/** Rows per INSERT: well under SQLite's limit of bound variables per statement. */
const ROWS_PER_INSERT = 400;

type Row = Record<string, unknown>;
type Knex = Core.Strapi['db']['connection'];
type Relation = 'roles' | 'skills';
const RELATIONS: Relation[] = ['roles', 'skills'];

/** A relation's join table as the Document Service fills it for one article row. */
type JoinTable = { table: string; articleColumn: string; targetColumn: string; targetOrder: string; articleOrder: string };

/** What the rows of one article look like, learnt from an article the Document Service wrote. */
export type ArticleLayout = {
  table: string;
  /** The template's draft and published rows, by column. */
  draft: Row;
  published: Row;
  /** Column name of each attribute a generated article sets. */
  columns: Record<
    'documentId' | 'title' | 'slug' | 'excerpt' | 'body' | 'authorName' | 'firstPublishedAt' | 'publishedAt' | 'createdAt' | 'updatedAt',
    string
  >;
  joins: Record<Relation, JoinTable>;
};

/** A documentId in Strapi's own format (cuid2: 24 lower-case letters and digits, starting with a letter). */
export function newDocumentId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(24);
  return Array.from(bytes, (b, i) => alphabet[i === 0 ? b % 26 : b % 36]).join('');
}

/** A date in the form the template row holds dates (SQLite: epoch ms; PostgreSQL: Date). */
const dateLike = (sample: unknown, date: Date): unknown =>
  typeof sample === 'number' ? date.getTime() : typeof sample === 'string' ? date.toISOString() : date;

/**
 * Reads how the Document Service stored `templateId` (a published article with roles and skills,
 * and no components or media), so bulk rows can be written the same way.
 * @throws Error when the template has a shape bulk inserts do not reproduce.
 */
export async function learnLayout(strapi: Core.Strapi, templateId: string): Promise<ArticleLayout> {
  const meta = strapi.db.metadata.get(ARTICLE);
  const column = (attribute: string) => (meta.attributes[attribute] as { columnName?: string } | undefined)?.columnName ?? attribute;
  const columns = {
    documentId: column('documentId'),
    title: column('title'),
    slug: column('slug'),
    excerpt: column('excerpt'),
    body: column('body'),
    authorName: column('authorName'),
    firstPublishedAt: column('firstPublishedAt'),
    publishedAt: column('publishedAt'),
    createdAt: column('createdAt'),
    updatedAt: column('updatedAt'),
  };
  for (const uid of ['api::role.role', 'api::skill.skill'] as const) {
    if (strapi.contentType(uid).options?.draftAndPublish)
      throw new Error(`generate: ${uid} has drafts; bulk links assume one row per document`);
  }
  const extras = await strapi.db.query(ARTICLE).findOne({ where: { documentId: templateId }, populate: ['seo', 'cover'] });
  if (extras?.seo || extras?.cover)
    throw new Error('generate: the template article has components or media, which bulk inserts do not copy');
  const db = strapi.db.connection;
  const rows: Row[] = await db(meta.tableName).where(columns.documentId, templateId);
  const draft = rows.find((r) => r[columns.publishedAt] === null);
  const published = rows.find((r) => r[columns.publishedAt] !== null);
  if (rows.length !== 2 || !draft || !published)
    throw new Error(`generate: expected a draft and a published row for ${templateId}, found ${rows.length}`);
  const joins = {} as Record<Relation, JoinTable>;
  for (const relation of RELATIONS) {
    const joinTable = (
      meta.attributes[relation] as {
        joinTable?: {
          name: string;
          joinColumn: { name: string };
          inverseJoinColumn: { name: string };
          orderColumnName: string;
          inverseOrderColumnName: string;
        };
      }
    ).joinTable;
    if (!joinTable) throw new Error(`generate: ${relation} has no join table`);
    joins[relation] = {
      table: joinTable.name,
      articleColumn: joinTable.joinColumn.name,
      targetColumn: joinTable.inverseJoinColumn.name,
      targetOrder: joinTable.orderColumnName,
      articleOrder: joinTable.inverseOrderColumnName,
    };
  }
  return { table: meta.tableName, draft, published, columns, joins };
}

const TARGETS: Record<Relation, 'api::role.role' | 'api::skill.skill'> = { roles: 'api::role.role', skills: 'api::skill.skill' };

/** Row ids of related documents by documentId (roles and skills have one row each: no drafts). */
async function rowIds(strapi: Core.Strapi, db: Knex, relation: Relation, documentIds: string[]): Promise<Map<string, number>> {
  const rows: { id: number; document_id: string }[] = await db(strapi.db.metadata.get(TARGETS[relation]).tableName)
    .select('id', 'document_id')
    .whereIn('document_id', documentIds);
  return new Map(rows.map((r) => [r.document_id, Number(r.id)]));
}

/** The next `article_ord` for each related row: after what the Document Service already wrote. */
async function nextOrders(db: Knex, join: JoinTable): Promise<Map<number, number>> {
  const rows: { target: number; top: number | string | null }[] = await db(join.table)
    .select({ target: join.targetColumn })
    .max({ top: join.articleOrder })
    .groupBy(join.targetColumn);
  return new Map(rows.map((r) => [Number(r.target), Number(r.top ?? 0) + 1]));
}

export type BulkRefs = { roles: Map<string, string>; skills: Map<string, string> };

/**
 * Writes `articles` as published documents (a draft and a published row each, with their role and
 * skill links) in one transaction, exactly as the template's rows are shaped. No webhooks fire:
 * search-sync's reconcile finds the new articles.
 */
export async function insertArticles(
  strapi: Core.Strapi,
  layout: ArticleLayout,
  refs: BulkRefs,
  articles: (SyntheticArticle & { publishedAt: Date })[],
): Promise<void> {
  const { columns: c, table } = layout;
  await strapi.db.transaction(async ({ trx }) => {
    const now = new Date();
    const ids = articles.map(() => newDocumentId());
    const rows = articles.flatMap((a, i) =>
      [layout.draft, layout.published].map((template) => {
        const { id: _id, ...copy } = template;
        return {
          ...copy,
          [c.documentId]: ids[i],
          [c.title]: a.title,
          [c.slug]: a.slug,
          [c.excerpt]: a.excerpt,
          [c.body]: JSON.stringify(a.body),
          [c.authorName]: a.authorName,
          [c.firstPublishedAt]: dateLike(template[c.firstPublishedAt], a.publishedAt),
          [c.publishedAt]: template === layout.draft ? null : dateLike(template[c.publishedAt], a.publishedAt),
          [c.createdAt]: dateLike(template[c.createdAt], now),
          [c.updatedAt]: dateLike(template[c.updatedAt], now),
        };
      }),
    );
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await trx(table).insert(rows.slice(i, i + ROWS_PER_INSERT));
    const written: { id: number; document_id: string }[] = await trx(table).select('id', c.documentId).whereIn(c.documentId, ids);
    const rowsOf = new Map<string, number[]>();
    for (const r of written) rowsOf.set(r.document_id, [...(rowsOf.get(r.document_id) ?? []), Number(r.id)]);
    for (const relation of RELATIONS) {
      const join = layout.joins[relation];
      const targets = await rowIds(strapi, trx, relation, [...refs[relation].values()]);
      const orders = await nextOrders(trx, join);
      const links = articles.flatMap((a, i) =>
        (rowsOf.get(ids[i]!) ?? []).flatMap((articleRow) =>
          a[relation].map((slug, position) => {
            const target = targets.get(refs[relation].get(slug)!)!;
            const order = orders.get(target) ?? 1;
            orders.set(target, order + 1);
            return {
              [join.articleColumn]: articleRow,
              [join.targetColumn]: target,
              [join.targetOrder]: position,
              [join.articleOrder]: order,
            };
          }),
        ),
      );
      for (let i = 0; i < links.length; i += ROWS_PER_INSERT) await trx(join.table).insert(links.slice(i, i + ROWS_PER_INSERT));
    }
  });
}

/** Removes every article whose slug starts with `prefix`, rows and links, in one transaction. @returns how many documents. */
export async function deleteArticles(strapi: Core.Strapi, prefix: string): Promise<number> {
  const meta = strapi.db.metadata.get(ARTICLE);
  return strapi.db.transaction(async ({ trx }) => {
    const rows: { id: number; document_id: string }[] = await trx(meta.tableName)
      .select('id', 'document_id')
      .where('slug', 'like', `${prefix}%`);
    const ids = rows.map((r) => r.id);
    for (const relation of RELATIONS) {
      const joinTable = (meta.attributes[relation] as { joinTable: { name: string; joinColumn: { name: string } } }).joinTable;
      for (let i = 0; i < ids.length; i += ROWS_PER_INSERT)
        await trx(joinTable.name)
          .whereIn(joinTable.joinColumn.name, ids.slice(i, i + ROWS_PER_INSERT))
          .delete();
    }
    for (let i = 0; i < ids.length; i += ROWS_PER_INSERT)
      await trx(meta.tableName)
        .whereIn('id', ids.slice(i, i + ROWS_PER_INSERT))
        .delete();
    return new Set(rows.map((r) => r.document_id)).size;
  });
}
