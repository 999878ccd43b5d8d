import { outranks } from './related.ts';
import type { Snapshot } from './snapshot.ts';

/** Each article's related list in a build, by documentId, best first (see related.ts). */
export type RelatedLists = ReadonlyMap<string, readonly string[]>;

/**
 * Articles whose page cannot differ between two snapshots: the article itself is the same entry,
 * and its related list is the same list of the same entries. That list changes only when a
 * changed or removed article was on it, or when an added or changed article now outranks the
 * list's last entry (or the list had room). Asking only those two questions keeps an edit's cost to
 * the articles sharing its skills, once each; recomputing every list that shares a skill with the
 * change grew with the square of the site. `related` holds the lists of the build of `before`.
 */
export function unaffectedArticles(before: Snapshot, after: Snapshot, related: RelatedLists, count: number): Set<string> {
  const changed = new Set<string>();
  for (const id of new Set([...before.articles.keys(), ...after.articles.keys()]))
    if (before.articles.get(id) !== after.articles.get(id)) changed.add(id);

  const affected = new Set(changed);
  for (const [id, list] of related) if (list.some((entry) => changed.has(entry))) affected.add(id);

  const bySkill = new Map<string, string[]>();
  for (const [id, article] of after.articles)
    for (const skill of new Set(article.skills.map((s) => s.documentId))) {
      const ids = bySkill.get(skill);
      if (ids) ids.push(id);
      else bySkill.set(skill, [id]);
    }
  for (const id of changed) {
    const candidate = after.articles.get(id);
    if (!candidate) continue;
    for (const skill of new Set(candidate.skills.map((s) => s.documentId)))
      for (const other of bySkill.get(skill) ?? []) {
        if (affected.has(other)) continue;
        const article = after.articles.get(other)!;
        const list = related.get(other);
        const last = list?.length === count ? after.articles.get(list[count - 1]!) : undefined;
        // `other` shares a skill with the candidate, so a list with room takes it.
        if (!last || outranks(article, candidate, last)) affected.add(other);
      }
  }

  const unaffected = new Set<string>();
  for (const id of after.articles.keys()) if (!affected.has(id)) unaffected.add(id);
  return unaffected;
}
