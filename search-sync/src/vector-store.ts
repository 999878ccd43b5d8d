import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { EMBEDDING_MODEL } from '@stackguide/contracts/embedder';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS vectors (
  hash TEXT PRIMARY KEY,
  vector BLOB NOT NULL,
  used_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS owed (document_id TEXT PRIMARY KEY) WITHOUT ROWID;
`;

/** The key of a text's vector: the text and the model that embeds it. */
export function textHash(text: string): string {
  return createHash('sha256').update(EMBEDDING_MODEL).update('\n').update(text).digest('base64url');
}

/**
 * The vectors of texts already embedded, by content hash (`vectors.db` beside the queue), so a
 * reindex or an edit that leaves a document's text as it was costs no embedding; and the documents
 * indexed without a vector because the embedder was unavailable, which are embedded again later.
 * Derived data: deleting the file costs one full embedding run, nothing else.
 */
export class VectorStore {
  readonly db: Database.Database;

  constructor(dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.db = new Database(path.join(dataDir, 'vectors.db'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
  }

  /** The stored vectors among these hashes, marked as used at `now`. */
  get(hashes: string[], now = Date.now()): Map<string, number[]> {
    const found = new Map<string, number[]>();
    const select = this.db.prepare('SELECT vector FROM vectors WHERE hash = ?').pluck();
    const touch = this.db.prepare('UPDATE vectors SET used_at = ? WHERE hash = ?');
    this.db.transaction(() => {
      for (const hash of new Set(hashes)) {
        const blob = select.get(hash) as Buffer | undefined;
        if (!blob) continue;
        found.set(hash, Array.from(new Float32Array(blob.buffer, blob.byteOffset, blob.byteLength / 4)));
        touch.run(now, hash);
      }
    })();
    return found;
  }

  /** Stores vectors by hash (as 32-bit floats, what Meilisearch keeps too). */
  put(entries: Iterable<[string, number[]]>, now = Date.now()): void {
    const insert = this.db.prepare(
      'INSERT INTO vectors (hash, vector, used_at) VALUES (?, ?, ?) ON CONFLICT (hash) DO UPDATE SET vector = excluded.vector, used_at = excluded.used_at',
    );
    this.db.transaction(() => {
      for (const [hash, vector] of entries) insert.run(hash, Buffer.from(Float32Array.from(vector).buffer), now);
    })();
  }

  /** Deletes vectors not used since `before` (a full reindex uses every current one); returns how many. */
  prune(before: number): number {
    return this.db.prepare('DELETE FROM vectors WHERE used_at < ?').run(before).changes;
  }

  /** Records documents indexed without their vector, or (`owes` false) that they have one now. */
  setOwed(documentIds: string[], owes: boolean): void {
    const statement = owes
      ? this.db.prepare('INSERT INTO owed (document_id) VALUES (?) ON CONFLICT DO NOTHING')
      : this.db.prepare('DELETE FROM owed WHERE document_id = ?');
    this.db.transaction(() => {
      for (const id of documentIds) statement.run(id);
    })();
  }

  /** Whether this document was indexed without its vector. */
  owes(documentId: string): boolean {
    return this.db.prepare('SELECT 1 FROM owed WHERE document_id = ?').get(documentId) !== undefined;
  }

  /** Documents indexed without their vector. */
  owed(): string[] {
    return this.db.prepare('SELECT document_id FROM owed ORDER BY document_id').pluck().all() as string[];
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
