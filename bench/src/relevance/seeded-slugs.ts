/** Slugs of the seeded articles the judged and held-out queries name (the tests check each is published demo content). */
export const BACKEND = 'what-a-backend-developer-does';
export const FRONTEND = 'what-a-frontend-developer-does';
export const SPLIT = 'why-teams-split-the-frontend-and-the-backend';
export const DAY = 'a-day-in-the-life-making-search-faster-and-more-accurate';
export const DATABASES = 'relational-vs-non-relational-databases';
export const LANGUAGES = 'server-side-languages-and-the-frameworks-that-pick-them';
export const SKILLS = 'backend-skills-beyond-writing-code';
export const EARN = 'what-backend-and-frontend-developers-earn';
export const BECOME = 'how-to-become-a-backend-developer';
export const FULL_STACK = 'full-stack-development-both-sides-of-the-web';
export const REMOTE = 'why-remote-work-raised-demand-for-web-developers';
export const TOGETHER = 'how-backend-and-frontend-developers-work-together';
