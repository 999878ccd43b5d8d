import { BACKEND, FRONTEND, SPLIT, DAY, DATABASES, LANGUAGES, SKILLS, EARN, BECOME, FULL_STACK, REMOTE, TOGETHER } from './seeded-slugs.ts';

/**
 * The judged query set for `npm run bench -- relevance`, written from the seeded content
 * (@stackguide/demo-content). Each query names the one answer a reader typing it wants: an article
 * (and the section, as its heading id on the article page, when one section answers it), a role or
 * skill page, or a role's salary figures (for a region or level when the query names one). A query
 * that only names a role or skill (a typo or synonym of its name, stop words aside) is judged to its
 * page, unless it says an article's whole title ("what does a backend developer do"); the test
 * holds both sets to that. Queries whose best answer is genuinely split between two are left out
 * rather than judged arbitrarily.
 */

export type QueryKind =
  | 'question'
  | 'keyword'
  | 'abbreviation'
  | 'synonym'
  | 'typo'
  | 'section'
  | 'paraphrase'
  | 'role'
  | 'skill'
  | 'salary';

/** Salary figures a query asks for: a role's, in one region or at one level when the query says so. */
export type SalaryJudgement = { role: string; region?: string; level?: 'entry' | 'experienced' | 'lead' | 'manager' };

export type JudgedQuery = { q: string; kind: QueryKind } & (
  | {
      /** Slug of the relevant article. */
      slug: string;
      /** Heading id of the section that answers the query, where one does. */
      section?: string;
    }
  | {
      /** Path of the relevant role or skill page, e.g. `/skills/postgresql/`. */
      page: string;
    }
  | {
      /**
       * The salary figures that answer it: found when the answer card shows that role's bands (all of
       * the region and level judged), or else at the rank of the role page, which holds the figures.
       */
      salary: SalaryJudgement;
    }
);

export const JUDGED_QUERIES: JudgedQuery[] = [
  // Natural questions, as typed into a search box.
  { q: 'how much does a backend developer earn', kind: 'question', slug: EARN },
  { q: 'what does a backend developer do', kind: 'question', slug: BACKEND },
  { q: 'what does a frontend developer do', kind: 'question', slug: FRONTEND },
  { q: 'how do frontend and backend developers collaborate', kind: 'question', slug: TOGETHER },
  { q: 'why do teams separate frontend and backend', kind: 'question', slug: SPLIT },
  { q: 'how do I become a backend developer', kind: 'question', slug: BECOME },
  { q: 'which database should I choose', kind: 'question', slug: DATABASES, section: 'how-to-choose' },
  {
    q: 'which programming language should I learn for the backend',
    kind: 'question',
    slug: LANGUAGES,
    section: 'so-which-one-should-you-learn',
  },
  { q: 'what skills does a backend developer need besides coding', kind: 'question', slug: SKILLS },
  { q: 'why are web developers in such demand', kind: 'question', slug: REMOTE },
  { q: 'what is full stack development', kind: 'question', slug: FULL_STACK },
  { q: 'how can search results become faster and more accurate', kind: 'question', slug: DAY },
  { q: 'what is the difference between SQL and NoSQL', kind: 'question', slug: DATABASES },
  { q: 'is backend development a good career', kind: 'question', slug: BACKEND, section: 'is-it-a-good-career' },
  { q: 'what is the salary of a project manager', kind: 'question', slug: EARN, section: 'monthly-figures-from-the-german-market' },

  // Keywords.
  { q: 'backend salary', kind: 'keyword', slug: EARN },
  { q: 'relational databases', kind: 'keyword', slug: DATABASES },
  { q: 'docker', kind: 'keyword', page: '/skills/docker/' },
  { q: 'agile project work', kind: 'keyword', slug: SKILLS, section: 'agile-project-work' },
  { q: 'security compliance', kind: 'keyword', page: '/skills/security-compliance/' },
  { q: 'hosting and scaling', kind: 'keyword', page: '/skills/hosting-and-scaling/' },
  { q: 'career changers', kind: 'keyword', slug: BECOME, section: 'who-gets-in' },
  { q: 'MongoDB Redis', kind: 'keyword', slug: DATABASES, section: 'non-relational-databases' },
  { q: 'search algorithm', kind: 'keyword', slug: DAY },
  { q: 'open source components', kind: 'keyword', slug: SPLIT, section: 'open-source-components-help-twice' },
  { q: 'salary negotiation', kind: 'keyword', slug: EARN, section: 'what-moves-the-number' },
  { q: 'NoSQL', kind: 'keyword', slug: DATABASES },

  // Abbreviations and short forms developers type.
  { q: 'BE developer salary', kind: 'abbreviation', slug: EARN },
  { q: 'FE developer', kind: 'abbreviation', page: '/roles/frontend-developer/' },
  { q: 'FE dev tools', kind: 'abbreviation', slug: FRONTEND, section: 'the-tools-of-the-trade' },
  { q: 'BE dev tasks', kind: 'abbreviation', slug: BACKEND, section: 'what-the-job-involves' },
  { q: 'why JS for full stack', kind: 'abbreviation', slug: FULL_STACK, section: 'why-javascript-is-a-natural-fit' },
  { q: 'SQL vs NoSQL DB', kind: 'abbreviation', slug: DATABASES },
  { q: 'postgres vs mongo', kind: 'abbreviation', slug: DATABASES },
  { q: 'UX UI designers', kind: 'abbreviation', slug: FRONTEND, section: 'working-with-designers' },
  { q: 'WFH developers', kind: 'abbreviation', slug: REMOTE },
  { q: 'a11y backend', kind: 'abbreviation', slug: SKILLS, section: 'accessibility' },
  { q: 'devops tools k8s docker', kind: 'abbreviation', slug: BECOME, section: 'modern-tooling' },
  { q: 'fullstack dev', kind: 'abbreviation', page: '/roles/full-stack-developer/' },

  // Synonyms: the reader's word is not the article's.
  { q: 'frontend developer wage', kind: 'synonym', slug: EARN },
  { q: 'developer income', kind: 'synonym', slug: EARN },
  { q: 'annual salary range', kind: 'synonym', slug: EARN, section: 'a-yearly-range' },
  { q: 'remote jobs for developers', kind: 'synonym', slug: REMOTE },
  { q: 'work from home developers', kind: 'synonym', slug: REMOTE },
  { q: 'collaboration between frontend and backend', kind: 'synonym', slug: TOGETHER },
  { q: 'recruiting developers', kind: 'synonym', slug: SPLIT, section: 'hiring-gets-easier' },
  { q: 'become a server side developer', kind: 'synonym', slug: BECOME },
  { q: 'client side developer', kind: 'synonym', page: '/roles/frontend-developer/' },
  { q: 'compensation for programmers', kind: 'synonym', slug: EARN },
  { q: 'document database', kind: 'synonym', slug: DATABASES, section: 'non-relational-databases' },
  { q: 'soft skills backend', kind: 'synonym', slug: SKILLS },

  // Typos.
  { q: 'what does a backend develper do', kind: 'typo', slug: BACKEND },
  { q: 'fronend developer', kind: 'typo', page: '/roles/frontend-developer/' },
  { q: 'relational databse', kind: 'typo', slug: DATABASES },
  { q: 'salery', kind: 'typo', slug: EARN },
  { q: 'full stak development', kind: 'typo', slug: FULL_STACK },
  { q: 'acessibility', kind: 'typo', page: '/skills/accessibility/' },
  { q: 'remote wrok', kind: 'typo', slug: REMOTE },
  { q: 'pandemc', kind: 'typo', slug: REMOTE, section: 'the-pandemic-sped-it-up' },
  { q: 'collabration', kind: 'typo', slug: TOGETHER },

  // Text deep inside one section of a long article.
  { q: 'restaurant kitchen', kind: 'section', slug: BACKEND, section: 'the-part-you-don-t-see' },
  { q: 'brain of a website', kind: 'section', slug: BACKEND, section: 'the-brain-of-a-website' },
  { q: 'three spellings of frontend', kind: 'section', slug: FRONTEND, section: 'front-end-front-end-frontend' },
  { q: 'competitor search loads faster', kind: 'section', slug: DAY, section: 'the-comparison-nobody-likes' },
  { q: 'programming cave', kind: 'section', slug: DAY, section: 'into-the-programming-cave' },
  { q: 'SQL select query example', kind: 'section', slug: DATABASES, section: 'relational-databases' },
  { q: 'where Java fits', kind: 'section', slug: LANGUAGES, section: 'where-java-fits' },
  { q: 'Django means Python', kind: 'section', slug: LANGUAGES, section: 'let-the-framework-decide' },
  { q: 'monthly salary entry level', kind: 'section', slug: EARN, section: 'monthly-figures-from-the-german-market' },
  { q: 'industrial sector pays more than retail', kind: 'section', slug: EARN, section: 'what-moves-the-number' },
  { q: 'simple plan to get into backend development', kind: 'section', slug: BECOME, section: 'a-simple-plan' },
  { q: 'layers of the stack', kind: 'section', slug: FULL_STACK, section: 'what-full-stack-covers' },
  { q: 'where specialists still matter', kind: 'section', slug: FULL_STACK, section: 'where-specialists-still-matter' },
  { q: 'Zoom Slack Trello Jira', kind: 'section', slug: REMOTE, section: 'the-office-in-a-browser-tab' },
  { q: 'coronavirus crisis', kind: 'section', slug: REMOTE, section: 'the-pandemic-sped-it-up' },
  { q: 'endpoints requests responses errors', kind: 'section', slug: TOGETHER, section: 'agree-on-the-contract' },
  { q: 'checklist for the next feature', kind: 'section', slug: TOGETHER, section: 'checklist-for-the-next-feature' },

  // Paraphrases: the reader's meaning in none of the title's content words (a unit test checks).
  { q: 'who writes the code that runs on the server behind a website', kind: 'paraphrase', slug: BACKEND },
  { q: 'job of looking after the data and logic users never see', kind: 'paraphrase', slug: BACKEND },
  { q: 'who builds the part of a website people see and click', kind: 'paraphrase', slug: FRONTEND },
  { q: 'turning a designer mockup into a working web page', kind: 'paraphrase', slug: FRONTEND },
  { q: 'benefits of separating user interface work from server work', kind: 'paraphrase', slug: SPLIT },
  { q: 'building the client and the API in parallel', kind: 'paraphrase', slug: SPLIT },
  { q: 'improving a slow site lookup after a rival did better', kind: 'paraphrase', slug: DAY },
  { q: 'tables queried with SQL or document stores like MongoDB', kind: 'paraphrase', slug: DATABASES },
  { q: 'how to pick where an application keeps its data', kind: 'paraphrase', slug: DATABASES },
  { q: 'choosing between PHP, Python and Java for web apps', kind: 'paraphrase', slug: LANGUAGES },
  { q: 'does Django decide what you program in', kind: 'paraphrase', slug: LANGUAGES },
  { q: 'what matters besides programming: security, scrum and documentation', kind: 'paraphrase', slug: SKILLS },
  { q: 'abilities a server programmer needs apart from programming', kind: 'paraphrase', slug: SKILLS },
  { q: 'how much money do web programmers make a month', kind: 'paraphrase', slug: EARN },
  { q: 'typical pay for people who build websites in Germany', kind: 'paraphrase', slug: EARN },
  { q: 'switching careers into server programming', kind: 'paraphrase', slug: BECOME },
  { q: 'getting hired to build APIs without a computer science degree', kind: 'paraphrase', slug: BECOME },
  { q: 'one person handling the interface and the database', kind: 'paraphrase', slug: FULL_STACK },
  { q: 'generalists who code client and server', kind: 'paraphrase', slug: FULL_STACK },
  { q: 'coding from home after the pandemic and the hiring boom', kind: 'paraphrase', slug: REMOTE },
  { q: 'video calls and chat apps created more programming jobs', kind: 'paraphrase', slug: REMOTE },
  { q: 'getting client and server programmers to cooperate', kind: 'paraphrase', slug: TOGETHER },
  { q: 'agreeing on an interface contract early between the two sides', kind: 'paraphrase', slug: TOGETHER },

  // A skill's own page: the query names the skill.
  { q: 'postgresql', kind: 'skill', page: '/skills/postgresql/' },
  { q: 'what is redis', kind: 'skill', page: '/skills/redis/' },
  { q: 'laravel framework', kind: 'skill', page: '/skills/laravel/' },
  { q: 'symfony', kind: 'skill', page: '/skills/symfony/' },
  { q: 'django framework', kind: 'skill', page: '/skills/django/' },
  { q: 'oracle database', kind: 'skill', page: '/skills/oracle/' },
  { q: 'angular', kind: 'skill', page: '/skills/angular/' },
  { q: 'git', kind: 'skill', page: '/skills/version-control/' },

  // A role's own page: the query names the role, or what its page lists.
  { q: 'backend developer', kind: 'role', page: '/roles/backend-developer/' },
  { q: 'frontend developer role', kind: 'role', page: '/roles/frontend-developer/' },
  { q: 'frontend developer responsibilities', kind: 'role', page: '/roles/frontend-developer/' },
  { q: 'full stack developer responsibilities', kind: 'role', page: '/roles/full-stack-developer/' },

  // A salary figure: the role's bands the question narrows down to.
  { q: 'monthly backend developer salary germany', kind: 'salary', salary: { role: 'backend-developer', region: 'Germany' } },
  { q: 'how much do frontend developers earn', kind: 'salary', salary: { role: 'frontend-developer' } },
  { q: 'junior backend salary', kind: 'salary', salary: { role: 'backend-developer', region: 'Germany', level: 'entry' } },
  { q: 'full stack developer salary', kind: 'salary', salary: { role: 'full-stack-developer' } },
  { q: 'senior backend developer pay', kind: 'salary', salary: { role: 'backend-developer', level: 'experienced' } },
  { q: 'backend manager salary per month', kind: 'salary', salary: { role: 'backend-developer', region: 'Germany', level: 'manager' } },
  { q: 'annual frontend salary', kind: 'salary', salary: { role: 'frontend-developer', region: 'Europe' } },
  { q: 'BE dev salary germany', kind: 'salary', salary: { role: 'backend-developer', region: 'Germany' } },
];
