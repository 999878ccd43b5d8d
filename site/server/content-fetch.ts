import { digestOf, remember } from '../src/lib/digest.ts';
import { EMPTY_SNAPSHOT, withChanges, type ContentChange, type Snapshot } from '../src/lib/snapshot.ts';
import type { Article, FetchedArticle } from '../src/strapi/schemas.ts';
import {
  fetchArticlesOf,
  fetchByIds,
  fetchCollections,
  fetchEntries,
  refuseEmpty,
  type StrapiConnection,
} from '../src/strapi/strapi-snapshot.ts';
import type { BodyStore } from './body-store.ts';
import type { ImageStore } from './images.ts';

/** What a fetch brought: the new snapshot and how many entries differ from the previous one. */
export type Fetched = { snapshot: Snapshot; changedEntries: number };

/** Entries by documentId, each the previous object when its content is unchanged (so its page keys hold). */
function reuse<T extends { documentId: string }>(
  previous: ReadonlyMap<string, T>,
  fetched: T[],
): { entries: [string, T][]; changed: number } {
  let changed = 0;
  const entries = fetched.map((entry): [string, T] => {
    const old = previous.get(entry.documentId);
    if (old && digestOf(old) === digestOf(entry)) return [entry.documentId, old];
    changed++;
    return [entry.documentId, remember(entry)];
  });
  return { entries, changed };
}

/** `previous` replaced by `fetched` as a whole; `changed` counts new, changed and removed entries. */
function replaced<T extends { documentId: string }>(
  previous: ReadonlyMap<string, T>,
  fetched: T[],
): { entries: Map<string, T>; changed: number } {
  const { entries, changed } = reuse(previous, fetched);
  const next = new Map(entries);
  return { entries: next, changed: changed + [...previous.keys()].filter((id) => !next.has(id)).length };
}

/** Where a fetch puts what it brings: prepared images, and bodies out of memory. */
export type Stores = { images: ImageStore; bodies: BodyStore };

/** A page of fetched articles as builds keep them: images prepared, bodies in the body store. */
function keeper(stores: Stores) {
  return async (articles: FetchedArticle[]): Promise<Article[]> => {
    const out: Article[] = [];
    // A few at a time: most articles have no image to fetch, and those that do should not flood the CMS.
    for (let i = 0; i < articles.length; i += 8) {
      const localized = await Promise.all(articles.slice(i, i + 8).map((a) => stores.images.localize(a)));
      out.push(...localized.map((a) => stores.bodies.put(a)));
    }
    return out;
  };
}

/**
 * Everything published, compared with `previous` (empty for a first build) entry by entry.
 * @throws StrapiError, StrapiContentError, EmptySiteError, ImageError.
 */
export async function fetchEverything(conn: StrapiConnection, stores: Stores, previous: Snapshot = EMPTY_SNAPSHOT): Promise<Fetched> {
  const all = await fetchCollections(conn, keeper(stores));
  const articles = replaced(previous.articles, all.articles);
  const roles = replaced(previous.roles, all.roles);
  const skills = replaced(previous.skills, all.skills);
  return {
    snapshot: { articles: articles.entries, roles: roles.entries, skills: skills.entries },
    changedEntries: articles.changed + roles.changed + skills.changed,
  };
}

const referencing = (snapshot: Snapshot, kind: 'role' | 'skill', id: string) =>
  [...snapshot.articles.values()]
    .filter((a) => (kind === 'role' ? a.roles : a.skills).some((r) => r.documentId === id))
    .map((a) => a.documentId);

/**
 * `previous` with the changed documents fetched again. An article is fetched by its documentId
 * (missing means unpublished or deleted). A changed role or skill refetches all roles and skills
 * (a handful of requests; a skill's name is shown inside roles) and every article that names it,
 * now or in `previous` (a deleted role no longer names its articles in Strapi).
 * @throws like fetchEverything.
 */
export async function fetchChanges(conn: StrapiConnection, stores: Stores, previous: Snapshot, changes: ContentChange[]): Promise<Fetched> {
  const keep = keeper(stores);
  const articleIds = new Set(changes.filter((c) => c.kind === 'article').map((c) => c.documentId));
  const relations = changes.filter((c): c is ContentChange & { kind: 'role' | 'skill' } => c.kind !== 'article');
  const fetched: Article[] = [];
  for (const { kind, documentId } of relations) {
    for (const id of referencing(previous, kind, documentId)) articleIds.add(id);
    fetched.push(...(await fetchArticlesOf(conn, kind, documentId, keep)));
  }
  const already = new Set(fetched.map((a) => a.documentId));
  fetched.push(
    ...(await fetchByIds(
      conn,
      'articles',
      [...articleIds].filter((id) => !already.has(id)),
      keep,
    )),
  );
  const found = new Set(fetched.map((a) => a.documentId));
  const gone = [...articleIds].filter((id) => !found.has(id) && previous.articles.has(id));

  const articles = reuse(previous.articles, fetched);
  let { roles, skills } = previous;
  let changed = articles.changed + gone.length;
  if (relations.length > 0) {
    const [allRoles, allSkills] = await Promise.all([fetchEntries(conn, 'roles'), fetchEntries(conn, 'skills')]);
    const r = replaced(previous.roles, allRoles);
    const s = replaced(previous.skills, allSkills);
    changed += r.changed + s.changed;
    roles = r.entries;
    skills = s.entries;
  }
  const snapshot: Snapshot = { articles: withChanges(previous.articles, articles.entries, gone), roles, skills };
  refuseEmpty(conn, snapshot.articles.size);
  return { snapshot, changedEntries: changed };
}
