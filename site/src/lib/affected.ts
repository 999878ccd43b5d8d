import type { Snapshot } from './snapshot.ts';

/**
 * Articles whose page cannot differ between two snapshots: the article itself is the same entry,
 * and it shares no skill with any article that was added, changed or removed, so its related
 * list (chosen among articles sharing its skills, see related.ts) is the same too. Entries are
 * compared by identity: a snapshot reuses the entry object of an unchanged document.
 */
export function unaffectedArticles(before: Snapshot, after: Snapshot): Set<string> {
  const touchedSkills = new Set<string>();
  const changed = new Set<string>();
  for (const id of new Set([...before.articles.keys(), ...after.articles.keys()])) {
    const old = before.articles.get(id);
    const now = after.articles.get(id);
    if (old === now) continue;
    changed.add(id);
    for (const version of [old, now]) for (const skill of version?.skills ?? []) touchedSkills.add(skill.documentId);
  }
  const unaffected = new Set<string>();
  for (const [id, article] of after.articles)
    if (!changed.has(id) && !article.skills.some((s) => touchedSkills.has(s.documentId))) unaffected.add(id);
  return unaffected;
}
