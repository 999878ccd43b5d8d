import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DeadLetter, ItemKind } from '@stackguide/contracts/search-sync-admin';

export type { DeadLetter, ItemKind } from '@stackguide/contracts/search-sync-admin';

export type Enqueue = {
  kind: ItemKind;
  documentId: string;
  /** Slug or name from the webhook, only used to find indexed articles still pointing at a deleted role/skill. */
  hint?: string;
};

export type QueueItem = Required<Pick<Enqueue, 'kind' | 'documentId'>> & {
  id: number;
  hint: string | null;
  version: number;
  attempts: number;
  firstEnqueuedAt: number;
  lastError: string | null;
};

const SCHEMA = `
CREATE TABLE IF NOT EXISTS queue (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  document_id TEXT NOT NULL,
  hint TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  first_enqueued_at INTEGER NOT NULL,
  last_error TEXT,
  UNIQUE (kind, document_id)
);
CREATE INDEX IF NOT EXISTS queue_due ON queue (next_attempt_at);
CREATE TABLE IF NOT EXISTS dead_letters (
  kind TEXT NOT NULL,
  document_id TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  error TEXT NOT NULL,
  failed_at INTEGER NOT NULL,
  PRIMARY KEY (kind, document_id)
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

type Row = {
  id: number;
  kind: ItemKind;
  document_id: string;
  hint: string | null;
  version: number;
  attempts: number;
  first_enqueued_at: number;
  last_error: string | null;
};

const toItem = (r: Row): QueueItem => ({
  id: r.id,
  kind: r.kind,
  documentId: r.document_id,
  hint: r.hint,
  version: r.version,
  attempts: r.attempts,
  firstEnqueuedAt: r.first_enqueued_at,
  lastError: r.last_error,
});

/**
 * Durable work queue in SQLite (WAL). One row per (kind, documentId): a new event for a queued
 * document bumps its version and makes it due now instead of adding a row, so bursts coalesce and a
 * worker that finishes an older version does not delete the newer one.
 */
export class SyncQueue {
  readonly db: Database.Database;

  constructor(dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.db = new Database(path.join(dataDir, 'queue.db'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
  }

  /** Adds (or coalesces) items durably; returns once they are committed. */
  enqueue(items: Enqueue[], now = Date.now()): void {
    const stmt = this.db.prepare(
      `INSERT INTO queue (kind, document_id, hint, next_attempt_at, first_enqueued_at)
       VALUES (@kind, @documentId, @hint, @now, @now)
       ON CONFLICT (kind, document_id) DO UPDATE SET
         version = version + 1,
         hint = COALESCE(excluded.hint, hint),
         next_attempt_at = MIN(next_attempt_at, excluded.next_attempt_at)`,
    );
    this.db.transaction(() => {
      for (const item of items) stmt.run({ kind: item.kind, documentId: item.documentId, hint: item.hint ?? null, now });
    })();
  }

  /** Up to `limit` items due at `now`, oldest first. */
  due(limit: number, now = Date.now()): QueueItem[] {
    const rows = this.db
      .prepare('SELECT * FROM queue WHERE next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?')
      .all(now, limit) as Row[];
    return rows.map(toItem);
  }

  /** Removes an item that was applied, unless a newer event arrived while it was processed. */
  complete(item: QueueItem): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM queue WHERE id = ? AND version = ?').run(item.id, item.version);
      this.db.prepare('DELETE FROM dead_letters WHERE kind = ? AND document_id = ?').run(item.kind, item.documentId);
    })();
  }

  /** Schedules another attempt after `delayMs`, recording the error. */
  retry(item: QueueItem, error: string, delayMs: number, now = Date.now()): void {
    this.db
      .prepare('UPDATE queue SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?')
      .run(now + delayMs, error, item.id);
  }

  /** Moves an item that cannot succeed to the dead-letter table. */
  deadLetter(item: QueueItem, error: string, now = Date.now()): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO dead_letters (kind, document_id, attempts, error, failed_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (kind, document_id) DO UPDATE SET attempts = excluded.attempts, error = excluded.error, failed_at = excluded.failed_at`,
        )
        .run(item.kind, item.documentId, item.attempts + 1, error, now);
      this.db.prepare('DELETE FROM queue WHERE id = ? AND version = ?').run(item.id, item.version);
    })();
  }

  depth(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM queue').get() as { n: number }).n;
  }

  /** When the oldest queued item was first enqueued (ms), or null when the queue is empty. */
  oldestEnqueuedAt(): number | null {
    return (this.db.prepare('SELECT MIN(first_enqueued_at) AS t FROM queue').get() as { t: number | null }).t;
  }

  /** Highest row id so far: items with an id at or below it were queued before now. */
  watermark(): number {
    return (this.db.prepare("SELECT COALESCE(MAX(seq), 0) AS n FROM sqlite_sequence WHERE name = 'queue'").get() as { n: number }).n;
  }

  /** How many items queued at or before `watermark` are still waiting. */
  pendingUpTo(watermark: number): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM queue WHERE id <= ?').get(watermark) as { n: number }).n;
  }

  /** The queued item for this document, or null when none is waiting. */
  queued(kind: ItemKind, documentId: string): QueueItem | null {
    const row = this.db.prepare('SELECT * FROM queue WHERE kind = ? AND document_id = ?').get(kind, documentId) as Row | undefined;
    return row ? toItem(row) : null;
  }

  /** This document's dead letter, or null when it has none. */
  deadLetterOf(kind: ItemKind, documentId: string): DeadLetter | null {
    return this.deadLetters(1, { kind, documentId })[0] ?? null;
  }

  /**
   * Puts a dead letter back in the queue, due now, and removes it from the dead letters (a new
   * failure brings it back). Returns false when there is no such dead letter.
   */
  requeueDeadLetter(kind: ItemKind, documentId: string, now = Date.now()): boolean {
    return this.db.transaction(() => {
      if (!this.discardDeadLetter(kind, documentId)) return false;
      this.enqueue([{ kind, documentId }], now);
      return true;
    })();
  }

  /** Drops a dead letter for good. Returns false when there is no such dead letter. */
  discardDeadLetter(kind: ItemKind, documentId: string): boolean {
    return this.db.prepare('DELETE FROM dead_letters WHERE kind = ? AND document_id = ?').run(kind, documentId).changes > 0;
  }

  deadLetters(limit = 100, only?: { kind: ItemKind; documentId: string }): DeadLetter[] {
    const where = only ? 'WHERE kind = @kind AND document_id = @documentId' : '';
    const rows = this.db.prepare(`SELECT * FROM dead_letters ${where} ORDER BY failed_at DESC LIMIT @limit`).all({ limit, ...only }) as {
      kind: ItemKind;
      document_id: string;
      attempts: number;
      error: string;
      failed_at: number;
    }[];
    return rows.map((r) => ({
      kind: r.kind,
      documentId: r.document_id,
      attempts: r.attempts,
      error: r.error,
      failedAt: new Date(r.failed_at).toISOString(),
    }));
  }

  getMeta<T>(key: string): T | null {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as T) : null;
  }

  setMeta(key: string, value: unknown): void {
    this.db
      .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(key, JSON.stringify(value));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
