/** Same paths search-sync puts in the index and the CMS checks editors' links against. */
export { articlePath, rolePath, skillPath } from '@stackguide/contracts/site-paths';
