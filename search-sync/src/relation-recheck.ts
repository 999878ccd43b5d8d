import type { SearchDocument } from '@stackguide/contracts/search-index';
import type { SearchIndex } from './search-index.ts';
import type { PageKind } from './page-documents.ts';

/** What of a role or skill its articles' documents carry: a role's slug and name, a skill's name. */
export type PageNaming = { slug: string; name: string };

type Held = Pick<SearchDocument, 'id' | 'roles' | 'roleNames' | 'skills'>;

/** Whether an article's document already names the page as it is published now. */
function namesPage(kind: PageKind, page: PageNaming, doc: Held): boolean {
  if (kind === 'skill') return (doc.skills ?? []).includes(page.name);
  const at = (doc.roles ?? []).indexOf(page.slug);
  return at >= 0 && doc.roleNames?.[at] === page.name;
}

/**
 * The articles a role's or skill's change must have re-read: `candidates` (those the CMS says name
 * it, and those the index holds under its former slug or name), less those whose document already
 * names it as it is now (`page`; undefined when it is no longer published, which leaves every
 * candidate). Saving a role without renaming it then re-reads none of its thousands of articles, and
 * on a first start, pages applied after their articles re-read only articles not yet indexed.
 * @throws client errors when Meilisearch is unreachable or rejects the filter.
 */
export async function articlesToRecheck(
  index: Pick<SearchIndex<SearchDocument>, 'where'>,
  kind: PageKind,
  page: PageNaming | undefined,
  candidates: Iterable<string>,
): Promise<string[]> {
  const ids = [...new Set(candidates)];
  if (!page || ids.length === 0) return ids;
  // Meilisearch compares filter strings without case: the exact name is checked on each document.
  const filter = kind === 'role' ? `roles = ${JSON.stringify(page.slug)}` : `skills = ${JSON.stringify(page.name)}`;
  const held = await index.where(filter, ['id', 'roles', 'roleNames', 'skills']);
  const current = new Set(held.filter((doc) => namesPage(kind, page, doc)).map((doc) => String(doc.id)));
  return ids.filter((id) => !current.has(id));
}
