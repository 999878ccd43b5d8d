import type { Key, Meilisearch } from 'meilisearch';
import { INDEX_UIDS, SEARCH_KEY_UID } from '@stackguide/contracts/search-index';

const ACTIONS = ['search'];

function fits(key: Key): boolean {
  const indexes = new Set(key.indexes);
  return (
    key.actions.length === 1 &&
    key.actions[0] === 'search' &&
    indexes.size === INDEX_UIDS.length &&
    INDEX_UIDS.every((uid) => indexes.has(uid)) &&
    !key.expiresAt
  );
}

/**
 * Makes sure the search-only key exists with exactly the `search` action on the contract's indexes
 * and no expiry, and returns its value. Meilisearch derives the value from the uid and the master key, so
 * it stays the same across restarts and even when the key has to be recreated.
 * @throws Meilisearch client errors when the server is unreachable or rejects the master key.
 */
export async function ensureSearchKey(meili: Meilisearch): Promise<string> {
  // Listed rather than fetched by uid: a missing key would make Meilisearch log a 404 warning.
  const existing = (await meili.getKeys({ limit: 1000 })).results.find((k) => k.uid === SEARCH_KEY_UID);
  if (existing && fits(existing)) return existing.key;
  // Actions and indexes of a key cannot be updated, only name and description.
  if (existing) await meili.deleteKey(SEARCH_KEY_UID);
  const created = await meili.createKey({
    uid: SEARCH_KEY_UID,
    name: 'stackguide-search',
    description: 'Search-only key for the public site (articles, role and skill pages, salary bands).',
    actions: ACTIONS,
    indexes: [...INDEX_UIDS],
    expiresAt: null,
  });
  return created.key;
}
