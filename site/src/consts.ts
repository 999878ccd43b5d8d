import type { SkillCategory } from '@stackguide/contracts/entries';

export const SITE_TITLE = 'Stackguide';
export const SITE_DESCRIPTION =
  'What backend, frontend and full-stack developers actually do: responsibilities, skills, salaries and articles from people in the field.';
export const ARTICLES_PER_PAGE = 12;
export const LATEST_ON_HOME = 6;
export const RELATED_COUNT = 3;
/** Newest articles a role or skill page shows before linking to its full, paginated list. */
export const HUB_LATEST = 6;
/** Newest articles per role the no-JS /search/ page lists before linking to the role's list. */
export const SEARCH_FALLBACK_PER_ROLE = 10;
/** Newest articles in the RSS feed: readers poll it for what is new, not for the archive. */
export const RSS_ITEMS = 50;
/** URLs per sitemap file (the protocol allows 50,000). */
export const SITEMAP_CHUNK = 45_000;

/** The two roles the compare page puts side by side. */
export const COMPARE_ROLES = { left: 'backend-developer', right: 'frontend-developer' } as const;

export const SKILL_CATEGORY_LABELS: Record<SkillCategory, string> = {
  language: 'Languages',
  framework: 'Frameworks',
  database: 'Databases',
  protocol: 'Protocols',
  practice: 'Practices',
  tool: 'Tools',
};
