/**
 * The link index: one row per internal link (to an article, role or skill page) in the body of a
 * published article, so "who links here" and "which links are broken" are lookups rather than a
 * read of every body. A plain database model (Strapi creates and migrates its table on SQLite and
 * PostgreSQL), not a content type: nobody edits it, no API serves it.
 */
export const LINK_UID = 'plugin::search-site.article-link';
export const LINK_TABLE = 'search_site_article_links';

export type LinkRow = { source: string; kind: string; slug: string; url: string; label: string };

export const linkModel = {
  uid: LINK_UID,
  singularName: 'article-link',
  tableName: LINK_TABLE,
  attributes: {
    id: { type: 'increments' },
    /** documentId of the published article whose body holds the link. */
    source: { type: 'string' },
    /** article, role or skill. */
    kind: { type: 'string' },
    /** Text, not string: a slug read from a URL has no length limit, and PostgreSQL would refuse a long one. */
    slug: { type: 'text' },
    /** The link as the editor wrote it. */
    url: { type: 'text' },
    /** The words the link is on. */
    label: { type: 'text' },
  },
  indexes: [
    { name: `${LINK_TABLE}_target_idx`, columns: ['kind', 'slug'] },
    { name: `${LINK_TABLE}_source_idx`, columns: ['source'] },
  ],
} as const;
