import type { BrokenLink } from '../../shared/contracts';
import { plural } from './format';

/** The edit view of an article, as the admin's router names it. */
export const articleEditPath = (documentId: string) => `/content-manager/collection-types/api::article.article/${documentId}`;

/** Why readers cannot follow the link: "no such article", "a draft, not published". */
export function problemText(link: Pick<BrokenLink, 'kind' | 'problem'>): string {
  return link.problem === 'draft' ? 'a draft, not published' : `no such ${link.kind}`;
}

/** "3 broken links in the saved draft", or that there are none. */
export function brokenSummary(count: number): string {
  if (count === 0) return 'No broken links in the saved draft.';
  return `${plural(count, 'broken link')} in the saved draft:`;
}

/** What unpublishing or deleting would break: "Linked from 2 published articles:", or nothing. */
export function linkedFromSummary(count: number): string {
  if (count === 0) return 'No published article links here.';
  return `Linked from ${plural(count, 'published article')} (unpublishing or deleting breaks ${count === 1 ? 'its link' : 'their links'}):`;
}
