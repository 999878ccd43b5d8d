import { quoted, type SqlReader } from './sql-reader.ts';

/** Documents of one Strapi table: all, and for draft & publish types those published and those only drafts. */
export type DocumentCounts = { documents: number; published?: number; draftsOnly?: number };

/** What a backup of the CMS's database holds, as the manifest records it and a restore checks it. */
export type CmsCounts = {
  /** Per table holding Strapi documents (articles, roles, skills, files, admin_users…), non-empty ones only. */
  documents: Record<string, DocumentCounts>;
  /** The search vocabulary (the single type search_settings). */
  vocabulary: { synonymGroups: number; stopWords: number };
};

const count = (rows: Record<string, unknown>[], column = 'n') => Number(rows[0]?.[column] ?? 0);

/**
 * Counts Strapi's documents per table (any table with a `document_id` column, so a new content type
 * is counted without a change here) and the search vocabulary.
 */
export async function cmsCounts(db: SqlReader): Promise<CmsCounts> {
  const tables = await db.tables();
  const documents: Record<string, DocumentCounts> = {};
  for (const [table, columns] of [...tables].sort(([a], [b]) => a.localeCompare(b))) {
    if (!columns.has('document_id')) continue;
    const name = quoted(table);
    const all = count(await db.all(`SELECT COUNT(DISTINCT document_id) AS n FROM ${name}`));
    if (all === 0) continue;
    if (!columns.has('published_at')) {
      documents[table] = { documents: all };
      continue;
    }
    const published = count(await db.all(`SELECT COUNT(DISTINCT document_id) AS n FROM ${name} WHERE published_at IS NOT NULL`));
    documents[table] = { documents: all, published, draftsOnly: all - published };
  }
  const synonymGroups = tables.has('components_search_synonym_groups')
    ? count(await db.all('SELECT COUNT(*) AS n FROM components_search_synonym_groups'))
    : 0;
  const stopWordText = tables.has('search_settings') ? await db.all('SELECT stop_words FROM search_settings') : [];
  const stopWords = stopWordText.reduce(
    (sum, row) =>
      sum +
      String(row.stop_words ?? '')
        .split(/[\s,]+/)
        .filter(Boolean).length,
    0,
  );
  return { documents, vocabulary: { synonymGroups, stopWords } };
}
