import fs from 'node:fs';
import path from 'node:path';
import { WORK_DIR } from './paths.ts';

/** search-sync's vector store (vectors.db) in its data directory. */
const STORE = 'vectors.db';
const cached = (articles: number) => path.join(WORK_DIR, 'fixtures', `vectors-${articles}.db`);

/**
 * Puts the vectors a previous run of this fixture embedded into search-sync's data directory before it
 * starts, so a bench measures what it means to (a publish, a reindex) rather than a first embedding
 * of every article, which takes minutes at 10,000. Returns whether there were any.
 */
export function seedVectors(articles: number, syncDataDir: string): boolean {
  if (!fs.existsSync(cached(articles))) return false;
  fs.mkdirSync(syncDataDir, { recursive: true });
  fs.copyFileSync(cached(articles), path.join(syncDataDir, STORE));
  return true;
}

/** Keeps the store of a stopped search-sync for the next run of this fixture (a stopped store has no write-ahead log left). */
export function keepVectors(articles: number, syncDataDir: string): void {
  const store = path.join(syncDataDir, STORE);
  if (!fs.existsSync(store) || fs.existsSync(`${store}-wal`)) return;
  fs.mkdirSync(path.dirname(cached(articles)), { recursive: true });
  fs.copyFileSync(store, `${cached(articles)}.tmp`);
  fs.renameSync(`${cached(articles)}.tmp`, cached(articles));
}
