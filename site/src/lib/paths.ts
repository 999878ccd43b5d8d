import { articleUrl } from '@stackguide/contracts/search-index';

/** Same path search-sync puts in the index, so search results and pages agree. */
export const articlePath = articleUrl;
export function rolePath(slug: string): string {
  return `/roles/${encodeURIComponent(slug)}/`;
}
export function skillPath(slug: string): string {
  return `/skills/${encodeURIComponent(slug)}/`;
}
