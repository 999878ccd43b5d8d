import type { JudgedQuery } from './judged-queries.ts';
import { BACKEND, FRONTEND, SPLIT, DAY, DATABASES, LANGUAGES, SKILLS, EARN, BECOME, FULL_STACK, REMOTE, TOGETHER } from './seeded-slugs.ts';

/**
 * Queries written in the middle of the relevance tuning (after the ranking and field changes) and
 * never tuned on: the bench reports them apart, as a check that the gains are general rather than
 * fitted to JUDGED_QUERIES. Keep them out of future tuning, or move them to the judged set and
 * write new ones. The paraphrases were written with the judged ones, before semantic search was
 * tuned.
 */
export const HELD_OUT_QUERIES: JudgedQuery[] = [
  { q: 'how much do frontend developers make', kind: 'question', slug: EARN },
  { q: 'what is a backend', kind: 'question', slug: BACKEND },
  { q: 'how to get a job as backend developer', kind: 'question', slug: BECOME },
  { q: 'what is nosql', kind: 'question', slug: DATABASES },
  { q: 'how to choose a server side language', kind: 'question', slug: LANGUAGES },
  { q: 'what does a full stack developer do', kind: 'question', page: '/roles/full-stack-developer/' },
  { q: 'is full stack worth it', kind: 'question', slug: FULL_STACK },
  { q: 'backend developer salary germany', kind: 'keyword', slug: EARN },
  { q: 'mysql postgresql oracle', kind: 'keyword', slug: DATABASES },
  { q: 'redis', kind: 'keyword', page: '/skills/redis/' },
  { q: 'sql databases for beginners', kind: 'keyword', slug: DATABASES },
  { q: 'full-stack developer skills', kind: 'keyword', slug: FULL_STACK },
  { q: 'computer science graduates', kind: 'keyword', slug: BECOME },
  { q: 'learn docker', kind: 'keyword', slug: BECOME },
  { q: 'python django', kind: 'keyword', slug: LANGUAGES },
  { q: 'relational database tables', kind: 'keyword', slug: DATABASES },
  { q: 'frontend dev salary', kind: 'abbreviation', slug: EARN },
  { q: 'why split front end and back end', kind: 'abbreviation', slug: SPLIT },
  { q: 'entry level developer pay', kind: 'synonym', slug: EARN },
  { q: 'home office developers', kind: 'synonym', slug: REMOTE },
  { q: 'working remotely', kind: 'synonym', slug: REMOTE },
  { q: 'backend and frontend teamwork', kind: 'synonym', slug: TOGETHER },
  { q: 'wage negotiation tips', kind: 'synonym', slug: EARN },
  { q: 'separation of frontend and backend', kind: 'synonym', slug: SPLIT },
  { q: 'monthly pay project manager', kind: 'synonym', slug: EARN },
  { q: 'develpoer salry', kind: 'typo', slug: EARN },
  { q: 'fulstack', kind: 'typo', slug: FULL_STACK },
  { q: 'databse types', kind: 'typo', slug: DATABASES },
  { q: 'frontnd', kind: 'typo', slug: FRONTEND },
  { q: 'designer and frontend developer', kind: 'section', slug: FRONTEND, section: 'working-with-designers' },
  { q: 'video calls chat cloud apps', kind: 'section', slug: REMOTE, section: 'the-office-in-a-browser-tab' },
  { q: 'microsoft teams slack', kind: 'section', slug: REMOTE, section: 'the-office-in-a-browser-tab' },
  { q: 'security requirements backend', kind: 'section', slug: SKILLS, section: 'security-compliance' },
  { q: 'scaling applications', kind: 'section', slug: SKILLS, section: 'hosting-and-scaling' },
  { q: 'competitor website faster', kind: 'section', slug: DAY, section: 'the-comparison-nobody-likes' },
  { q: 'optimizing server processes', kind: 'section', slug: DAY, section: 'talking-it-through' },
  { q: 'the kitchen of a web app', kind: 'section', slug: BACKEND, section: 'the-part-you-don-t-see' },
  { q: 'coronavirus remote work', kind: 'section', slug: REMOTE, section: 'the-pandemic-sped-it-up' },
  { q: 'what happens on the server when you submit a form', kind: 'paraphrase', slug: BACKEND },
  { q: 'making buttons and layouts work in every browser', kind: 'paraphrase', slug: FRONTEND },
  { q: 'where should I store my application data', kind: 'paraphrase', slug: DATABASES },
  { q: 'is PHP or Python better for a web API', kind: 'paraphrase', slug: LANGUAGES },
  { q: 'pay rises with experience for programmers', kind: 'paraphrase', slug: EARN },
  { q: 'learning path for a career changer into APIs and servers', kind: 'paraphrase', slug: BECOME },
  { q: 'people who code the interface and the server alike', kind: 'paraphrase', slug: FULL_STACK },
  { q: 'programmers needed since everyone moved online', kind: 'paraphrase', slug: REMOTE },
  // Written with the role, skill and salary answers, before their ranking was tuned.
  { q: 'mysql', kind: 'skill', page: '/skills/mysql/' },
  { q: 'what is scrum', kind: 'skill', page: '/skills/scrum/' },
  { q: 'ruby on rails', kind: 'skill', page: '/skills/ruby-on-rails/' },
  { q: 'express framework', kind: 'skill', page: '/skills/express/' },
  { q: 'http protocol', kind: 'skill', page: '/skills/http/' },
  { q: 'full stack developer', kind: 'role', page: '/roles/full-stack-developer/' },
  { q: 'backend developer role', kind: 'role', page: '/roles/backend-developer/' },
  { q: 'frontend salary', kind: 'salary', salary: { role: 'frontend-developer' } },
  {
    q: 'entry level backend developer salary germany',
    kind: 'salary',
    salary: { role: 'backend-developer', region: 'Germany', level: 'entry' },
  },
  { q: 'how much do full stack developers earn', kind: 'salary', salary: { role: 'full-stack-developer' } },
];
