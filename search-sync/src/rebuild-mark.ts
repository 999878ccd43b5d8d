import type Database from 'better-sqlite3';

import type { ContentChange } from '@stackguide/contracts/build-hook';

/**
 * A site rebuild owed for changes up to `changedAt` (ms), and the hook calls that failed so far.
 * `changes` lists the documents, or is null when the site has to look at everything (a change
 * nobody named, such as a reindex swap).
 */
export type PendingRebuild = { changedAt: number; attempts: number; lastError: string | null; changes: ContentChange[] | null };

const SCHEMA = `
CREATE TABLE IF NOT EXISTS rebuild (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  changed_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT
);
CREATE TABLE IF NOT EXISTS rebuild_changes (
  kind TEXT NOT NULL,
  document_id TEXT NOT NULL,
  changed_at INTEGER NOT NULL,
  PRIMARY KEY (kind, document_id)
);
`;
/** When the site was last told "look at everything" (0: never); added after `rebuild` first shipped. */
const EVERYTHING_COLUMN = 'ALTER TABLE rebuild ADD COLUMN everything_at INTEGER NOT NULL DEFAULT 0';

/**
 * The durable "the site needs a rebuild" mark in the queue database: one row saying since when,
 * and one row per changed document. Every process that changes what the site shows (the service,
 * a CLI reconcile) sets it; it is cleared only once the build hook answered 2xx, and only up to
 * the change that call reported, so a rebuild owed when a process stops is still owed after, and
 * a document changed again during a call is sent again.
 */
export class RebuildMark {
  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
    const columns = db.prepare('PRAGMA table_info(rebuild)').all() as { name: string }[];
    // A rebuild owed by an earlier version names no documents: the site must look at everything.
    if (!columns.some((c) => c.name === 'everything_at')) db.exec(`${EVERYTHING_COLUMN}; UPDATE rebuild SET everything_at = changed_at`);
  }

  /**
   * Notes that these documents changed at `changedAt` ('all': something the site cannot be told
   * precisely); keeps the newest time when already set.
   */
  set(changes: ContentChange[] | 'all', changedAt = Date.now()): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO rebuild (id, changed_at, everything_at) VALUES (1, @changedAt, @everythingAt)
           ON CONFLICT (id) DO UPDATE SET changed_at = MAX(changed_at, excluded.changed_at), everything_at = MAX(everything_at, excluded.everything_at)`,
        )
        .run({ changedAt, everythingAt: changes === 'all' ? changedAt : 0 });
      if (changes === 'all') return;
      const add = this.db.prepare(
        `INSERT INTO rebuild_changes (kind, document_id, changed_at) VALUES (?, ?, ?)
         ON CONFLICT (kind, document_id) DO UPDATE SET changed_at = MAX(changed_at, excluded.changed_at)`,
      );
      for (const c of changes) add.run(c.kind, c.documentId, changedAt);
    })();
  }

  /** The rebuild owed, or null when the site is up to date. */
  get(): PendingRebuild | null {
    const row = this.db.prepare('SELECT changed_at, attempts, last_error, everything_at FROM rebuild WHERE id = 1').get() as
      | { changed_at: number; attempts: number; last_error: string | null; everything_at: number }
      | undefined;
    if (!row) return null;
    const changes =
      row.everything_at > 0
        ? null
        : (
            this.db.prepare('SELECT kind, document_id FROM rebuild_changes ORDER BY changed_at, kind, document_id').all() as {
              kind: ContentChange['kind'];
              document_id: string;
            }[]
          ).map((c) => ({ kind: c.kind, documentId: c.document_id }));
    return { changedAt: row.changed_at, attempts: row.attempts, lastError: row.last_error, changes };
  }

  /**
   * The hook answered for changes up to `changedAt`: clears what it reported, keeping any change
   * (and the mark) that came later.
   */
  clear(changedAt: number): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM rebuild_changes WHERE changed_at <= ?').run(changedAt);
      this.db.prepare('DELETE FROM rebuild WHERE id = 1 AND changed_at <= ?').run(changedAt);
      this.db.prepare('UPDATE rebuild SET everything_at = 0 WHERE id = 1 AND everything_at <= ?').run(changedAt);
    })();
  }

  /** Records a failed hook call; the mark stays. */
  failed(error: string): void {
    this.db.prepare('UPDATE rebuild SET attempts = attempts + 1, last_error = ? WHERE id = 1').run(error);
  }
}
