import { articleUrl, roleUrl, skillUrl } from '@stackguide/contracts/search-index';

/** Same paths search-sync puts in the indexes, so search results and pages agree. */
export const articlePath = articleUrl;
export const rolePath = roleUrl;
export const skillPath = skillUrl;
