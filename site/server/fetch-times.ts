import { type ContentChange, changeKey } from '../src/lib/snapshot.ts';

/**
 * When the content a build shows was fetched from Strapi: what tells a build hook whether the
 * served build already shows a change, so a late or repeated hook starts no build.
 */
export type FetchTimes = {
  /** When the last build that fetched everything started (ms). */
  allFetchedAt: number;
  /** `changeKey` of a document → when an incremental build since then started that fetched it again. */
  fetchedAt: Map<string, number>;
};

/**
 * The fetch times of a build that started at `startedAt` on top of `previous` (null: none) and
 * fetched `changes`, or everything when `changes` is null or `all` (a full build).
 */
export function recordFetches(
  previous: FetchTimes | null,
  changes: readonly ContentChange[] | null,
  all: boolean,
  startedAt: number,
): FetchTimes {
  if (all || changes === null || !previous) return { allFetchedAt: startedAt, fetchedAt: new Map() };
  const fetchedAt = new Map(previous.fetchedAt);
  for (const change of changes) fetchedAt.set(changeKey(change), startedAt);
  return { allFetchedAt: previous.allFetchedAt, fetchedAt };
}

/**
 * Whether a build already shows every change made up to `changedAt` to these documents (or to
 * anything, for `changes` null): a build that fetched them, or fetched everything, started after that.
 */
export function covers(times: FetchTimes, changedAt: number, changes: readonly ContentChange[] | null): boolean {
  if (times.allFetchedAt >= changedAt) return true;
  return changes?.every((c) => (times.fetchedAt.get(changeKey(c)) ?? 0) >= changedAt) ?? false;
}
