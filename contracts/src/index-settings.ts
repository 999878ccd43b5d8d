import { SALARY_SETTINGS } from './salary-index.ts';
import { INDEX_UID, PAGE_SETTINGS, PAGES_INDEX_UID, SALARIES_INDEX_UID, SEARCH_SETTINGS } from './search-index.ts';

/** Each index's settings: search-sync applies them (with the editors' vocabulary) to every index it fills. */
export const INDEX_SETTINGS = {
  [INDEX_UID]: SEARCH_SETTINGS,
  [PAGES_INDEX_UID]: PAGE_SETTINGS,
  [SALARIES_INDEX_UID]: SALARY_SETTINGS,
} as const;
