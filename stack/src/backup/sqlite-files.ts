import fs from 'node:fs';
import Database from 'better-sqlite3';
import { quoted, type SqlReader } from './sql-reader.ts';

/**
 * Copies a live SQLite database through SQLite's online backup API (better-sqlite3's `.backup()`),
 * which reads a consistent snapshot while writers go on; copying the file of a WAL database could
 * miss what is still in its -wal file. The copy is left in rollback-journal mode, one file alone.
 * @throws Error naming the file when it is missing or not a database.
 */
export async function onlineBackup(source: string, target: string, onProgress?: (done: number, total: number) => void): Promise<void> {
  if (!fs.existsSync(source)) throw new Error(`${source} does not exist`);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress?.(totalPages - remainingPages, totalPages);
        // Pages per step: large enough to be quick, small enough to let the CMS write in between.
        return 1024;
      },
    });
  } catch (err) {
    throw new Error(`online backup of ${source} failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  } finally {
    db.close();
  }
  const copy = new Database(target);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** Opens a SQLite file read-only as a {@link SqlReader}; `close()` when done. */
export function sqliteReader(file: string): SqlReader & { close(): void } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  return {
    all: async (sql) => db.prepare(sql).all() as Record<string, unknown>[],
    async tables() {
      const names = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .pluck()
        .all() as string[];
      return new Map(
        names.map((name) => [
          name,
          new Set((db.prepare(`PRAGMA table_info(${quoted(name)})`).all() as { name: string }[]).map((c) => c.name)),
        ]),
      );
    },
    close: () => db.close(),
  };
}

/** Rows per table of a SQLite file: what a restore must bring back of search-sync's queue and analytics. */
export async function rowCounts(reader: SqlReader): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [...(await reader.tables()).keys()].sort()) {
    const [row] = await reader.all(`SELECT COUNT(*) AS n FROM ${quoted(table)}`);
    counts[table] = Number(row?.n ?? 0);
  }
  return counts;
}
