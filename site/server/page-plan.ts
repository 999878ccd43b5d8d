import { RELATED_COUNT } from '../src/consts.ts';
import { keyOf } from '../src/lib/digest.ts';
import { type RelatedLists, touchedLists, unaffectedArticles } from '../src/lib/affected.ts';
import { pageKeys } from '../src/lib/page-keys.ts';
import { ROUTES, type SitePage } from '../src/lib/site-pages.ts';
import type { SiteModel } from '../src/lib/site-model.ts';
import type { Snapshot } from '../src/lib/snapshot.ts';

/** What an incremental build reuses of the build being served. */
export type ServedPages = { snapshot: Snapshot; related: RelatedLists; keys: ReadonlyMap<string, string> };

/**
 * The key of every page of a build (output file → key of what it shows, see page-keys.ts) and each
 * article's related list. With the `served` build, a page no change can reach keeps its key and an
 * article its list; without it (a full build) everything is computed. `others` are the pages the
 * model does not list: they may show any content, so their keys change with every build (`builtAt`).
 */
export function planPages(input: {
  model: SiteModel;
  snapshot: Snapshot;
  pages: SitePage[];
  others: SitePage[];
  served: ServedPages | null;
  builtAt: number;
}): { keys: Map<string, string>; related: RelatedLists } {
  const { model, snapshot, pages, others, served, builtAt } = input;
  const unaffected = served
    ? unaffectedArticles(served.snapshot, snapshot, served.related, RELATED_COUNT, model.articlesOfSkill)
    : new Set<string>();
  const touched = served ? touchedLists(served.snapshot, snapshot) : null;
  const keys = pageKeys(model, pages, (page) => {
    if (!served || !touched) return undefined;
    const { route, params } = page;
    const same =
      route === ROUTES.article
        ? unaffected.has(model.articleBySlug.get(params.slug!)?.documentId ?? '')
        : route === ROUTES.roleArticles
          ? !touched.roles.has(model.roleBySlug.get(params.slug!)?.documentId ?? '')
          : route === ROUTES.skillArticles && !touched.skills.has(model.skillBySlug.get(params.slug!)?.documentId ?? '');
    return same ? served.keys.get(page.file) : undefined;
  });
  // Affected articles' lists were just computed for their keys; the others are the served build's.
  const related = new Map<string, readonly string[]>();
  for (const article of model.articles)
    related.set(
      article.documentId,
      (unaffected.has(article.documentId) && served?.related.get(article.documentId)) || model.related(article).map((c) => c.documentId),
    );
  for (const page of others) keys.set(page.file, keyOf(page.route, builtAt));
  return { keys, related };
}
