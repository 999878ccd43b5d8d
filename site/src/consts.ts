import type { SkillCategory } from './loaders/schemas.ts';

export const SITE_TITLE = 'Stackguide';
export const SITE_DESCRIPTION =
  'What backend, frontend and full-stack developers actually do: responsibilities, skills, salaries and articles from people in the field.';
export const ARTICLES_PER_PAGE = 12;
export const LATEST_ON_HOME = 6;
export const RELATED_COUNT = 3;

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
