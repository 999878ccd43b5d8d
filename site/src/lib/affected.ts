import { outranks } from './related.ts';
import type { Snapshot } from './snapshot.ts';

/** Each article's related list in a build, by documentId, best first (see related.ts). */
export type RelatedLists = ReadonlyMap<string, readonly string[]>;

/** Articles added, changed or removed between two snapshots (a snapshot reuses unchanged entries). */
function changedArticles(before: Snapshot, after: Snapshot): Set<string> {
  const changed = new Set<string>();
  for (const [id, article] of before.articles) if (after.articles.get(id) !== article) changed.add(id);
  for (const id of after.articles.keys()) if (!before.articles.has(id)) changed.add(id);
  return changed;
}

/**
 * Roles and skills whose article lists may differ between two snapshots: those named by an
 * added, changed or removed article (before or after), and those whose own entry changed. Every
 * other role's and skill's list pages show the same cards under the same heading.
 */
export function touchedLists(before: Snapshot, after: Snapshot): { roles: Set<string>; skills: Set<string> } {
  const roles = new Set<string>();
  const skills = new Set<string>();
  for (const id of changedArticles(before, after))
    for (const article of [before.articles.get(id), after.articles.get(id)]) {
      for (const r of article?.roles ?? []) roles.add(r.documentId);
      for (const s of article?.skills ?? []) skills.add(s.documentId);
    }
  for (const [kind, touched] of [
    ['roles', roles],
    ['skills', skills],
  ] as const)
    for (const id of new Set([...before[kind].keys(), ...after[kind].keys()]))
      if (before[kind].get(id) !== after[kind].get(id)) touched.add(id);
  return { roles, skills };
}

/**
 * Articles whose page cannot differ between two snapshots: the article itself is the same entry,
 * and its related list is the same list of the same entries. That list changes only when a
 * changed or removed article was on it, or when an added or changed article now outranks the
 * list's last entry (or the list had room). Asking only those two questions keeps an edit's cost to
 * the articles sharing its skills, once each; recomputing every list that shares a skill with the
 * change grew with the square of the site. `related` holds the lists of the build of `before`;
 * `articlesOfSkill` lists the articles of `after` by skill.
 */
export function unaffectedArticles(
  before: Snapshot,
  after: Snapshot,
  related: RelatedLists,
  count: number,
  articlesOfSkill: (skill: string) => readonly { documentId: string }[],
): Set<string> {
  const changed = changedArticles(before, after);
  const affected = new Set(changed);
  for (const [id, list] of related) if (list.some((entry) => changed.has(entry))) affected.add(id);

  for (const id of changed) {
    const candidate = after.articles.get(id);
    if (!candidate) continue;
    for (const skill of new Set(candidate.skills.map((s) => s.documentId)))
      for (const { documentId: other } of articlesOfSkill(skill)) {
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
