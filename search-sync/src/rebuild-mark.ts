import type Database from 'better-sqlite3';

/** A site rebuild owed for index changes up to `changedAt` (ms), and the hook calls that failed so far. */
export type PendingRebuild = { changedAt: number; attempts: number; lastError: string | null };

const SCHEMA = `
CREATE TABLE IF NOT EXISTS rebuild (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  changed_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT
);
`;

/**
 * The durable "the site needs a rebuild" mark, one row in the queue database. Every process that
 * changes the index (the service, a CLI reconcile) sets it; it is cleared only once the build hook
 * answered 2xx for the newest change, so a rebuild owed when a process stops is still owed after.
 */
export class RebuildMark {
  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
  }

  /** Notes that the index changed at `changedAt`; keeps the newest time when already set. */
  set(changedAt = Date.now()): void {
    this.db
      .prepare(
        `INSERT INTO rebuild (id, changed_at) VALUES (1, ?)
         ON CONFLICT (id) DO UPDATE SET changed_at = MAX(changed_at, excluded.changed_at)`,
      )
      .run(changedAt);
  }

  /** The rebuild owed, or null when the site is up to date with the index. */
  get(): PendingRebuild | null {
    const row = this.db.prepare('SELECT changed_at, attempts, last_error FROM rebuild WHERE id = 1').get() as
      | { changed_at: number; attempts: number; last_error: string | null }
      | undefined;
    return row ? { changedAt: row.changed_at, attempts: row.attempts, lastError: row.last_error } : null;
  }

  /** The hook answered for changes up to `changedAt`: clears the mark unless a newer change came meanwhile. */
  clear(changedAt: number): void {
    this.db.prepare('DELETE FROM rebuild WHERE id = 1 AND changed_at <= ?').run(changedAt);
  }

  /** Records a failed hook call; the mark stays. */
  failed(error: string): void {
    this.db.prepare('UPDATE rebuild SET attempts = attempts + 1, last_error = ? WHERE id = 1').run(error);
  }
}
