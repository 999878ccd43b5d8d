import type { ContentChange } from '@stackguide/contracts/build-hook';
import type { Role, Skill } from '@stackguide/contracts/entries';
import type { Article } from '../strapi/schemas.ts';

/**
 * The published content one build renders: every article, role and skill by documentId, media
 * already pointing at the build's own image files. Entries are never changed in place; an
 * incremental build makes a new snapshot that shares the unchanged entry objects with the old one.
 */
export type Snapshot = {
  articles: ReadonlyMap<string, Article>;
  roles: ReadonlyMap<string, Role>;
  skills: ReadonlyMap<string, Skill>;
};

export type { ContentChange, ContentKind } from '@stackguide/contracts/build-hook';

/** The same key for every change to one document: what the builder collects and fetch times are kept by. */
export const changeKey = (change: ContentChange): string => `${change.kind}:${change.documentId}`;

export const EMPTY_SNAPSHOT: Snapshot = { articles: new Map(), roles: new Map(), skills: new Map() };

/** A snapshot with `updates` applied: entries replaced or added by documentId, `removed` ids dropped. */
export function withChanges<T>(current: ReadonlyMap<string, T>, updates: Iterable<[string, T]>, removed: Iterable<string>): Map<string, T> {
  const next = new Map(current);
  for (const id of removed) next.delete(id);
  for (const [id, entry] of updates) next.set(id, entry);
  return next;
}
