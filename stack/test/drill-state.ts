import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { listFiles, sha256 } from '../src/backup/manifest.ts';
import { readPostgres, type PostgresTarget } from '../src/backup/postgres.ts';
import type { SqlReader } from '../src/backup/sql-reader.ts';
import { sqliteReader } from '../src/backup/sqlite-files.ts';

/** Tables whose documents the drill compares row by row: content, the media library, admin users, the vocabulary. */
const DOCUMENT_TABLES = ['articles', 'roles', 'skills', 'files', 'admin_users', 'search_settings'];

/** A value as text, so SQLite's numbers and PostgreSQL's dates compare within one lane. */
const text = (value: unknown) => (value instanceof Date ? value.toISOString() : value === null ? 'null' : String(value));

/**
 * What an editor and an operator would check after a restore, read straight from the CMS's database:
 * every document row (documentId, draft or published, updatedAt), the admin users with their password
 * hashes, and the vocabulary.
 */
async function cmsState(db: SqlReader) {
  const documents: string[] = [];
  for (const table of DOCUMENT_TABLES) {
    const rows = await db.all(`SELECT document_id, published_at IS NOT NULL AS published, updated_at FROM ${table}`);
    documents.push(
      ...rows.map(
        (r) =>
          `${table} ${text(r.document_id)} ${text(r.published) === 'true' || text(r.published) === '1' ? 'published' : 'draft'} ${text(r.updated_at)}`,
      ),
    );
  }
  const admins = (await db.all('SELECT email, password, is_active FROM admin_users')).map(
    (r) => `${text(r.email)} ${text(r.password)} ${text(r.is_active)}`,
  );
  const groups = (await db.all('SELECT words FROM components_search_synonym_groups')).map((r) => text(r.words));
  const [settings] = await db.all('SELECT stop_words FROM search_settings');
  return {
    documents: documents.sort(),
    admins: admins.sort(),
    vocabulary: { groups: groups.sort(), stopWords: text(settings?.stop_words) },
  };
}
export type CmsState = Awaited<ReturnType<typeof cmsState>>;

export async function readCmsState(database: { file: string } | { target: PostgresTarget }): Promise<CmsState> {
  if ('target' in database) return readPostgres(database.target, cmsState);
  const reader = sqliteReader(database.file);
  try {
    return await cmsState(reader);
  } finally {
    reader.close();
  }
}

/** Every uploaded file with its SHA-256. */
export async function mediaChecksums(uploadsDir: string): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  for (const file of listFiles(uploadsDir).filter((f) => f !== '.gitkeep')) sums[file] = await sha256(path.join(uploadsDir, file));
  return sums;
}

/** Every row of the given tables of a SQLite file (read-only, while search-sync may hold it open). */
export function sqliteRows(file: string, tables: string[]): Record<string, string[]> {
  if (!fs.existsSync(file)) return {};
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const sorted = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).sort();
    return Object.fromEntries(tables.map((table) => [table, sorted(db.prepare(`SELECT * FROM ${table}`).all())]));
  } finally {
    db.close();
  }
}

/** The tables of a SQLite file. */
export function sqliteTableNames(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
  } finally {
    db.close();
  }
}
