/**
 * The search vocabulary a new site starts with; editors own it afterwards (Content Manager →
 * Search settings). Synonym groups are words readers use for the same thing, written the way the
 * admin form takes them: one group per entry, words separated by commas.
 */
export type SeedSearchVocabulary = { synonymGroups: string[]; stopWords: string[] };

/**
 * Common English words that carry no meaning in a query ("how much does a backend developer
 * earn" is about "backend developer earn"). Deliberately absent because developers mean something
 * by them: be (BE = backend), us, no/not (no sql), both, up/down, first, new, one, vs, need, good;
 * and "from", which "work from home" needs (Meilisearch never matches a synonym of several words
 * that contains a stop word).
 */
const STOP_WORDS = `
a about above after again against all also am an and any are as at because been before being
below between but by can cannot could did do does doing during each etc few for further get
gets getting had has have having he her here hers herself him himself his how i if in into is it
its itself just like lot lots many may me might more most much must my myself nor of off on once
only or other our ours ourselves out over own really same shall she should so some such than that
the their theirs them themselves then there these they this those through to too under until very
was we were what when where which while who whom why will with would you your yours yourself
yourselves
`;

/**
 * A developer dictionary of true equivalents only: abbreviations, spellings, plurals and other forms
 * of one word, and words that mean exactly the same here. A synonym ranks as highly as the word
 * typed, so related terms (docker and kubernetes, git and version control, agile and scrum) would
 * put a paragraph about one thing first for a question about another; relating them is semantic
 * search's job, not the vocabulary's.
 */
const SYNONYM_GROUPS = [
  // Roles and the sides of an application.
  'backend, back end, back-end, be, server side, server-side',
  'frontend, front end, front-end, fe, client side, client-side',
  'full stack, full-stack, fullstack',
  'developer, developers, dev, devs, programmer, programmers, coder, coders, software engineer, software engineers',
  // Languages, runtimes and frameworks.
  'javascript, js, ecmascript',
  'typescript, ts',
  'node.js, nodejs, node js, node',
  'c#, csharp, c sharp',
  'c++, cpp',
  'rails, ror',
  'golang, go language',
  'css, cascading style sheets',
  'html, hypertext markup language',
  'language, languages, programming language, programming languages',
  'framework, frameworks',
  'code, coding, programming',
  // Data.
  'database, databases, db, dbs',
  'database administration, database administrator, dba',
  'postgresql, postgres',
  'mongodb, mongo',
  'nosql, no sql, non-relational, non relational',
  'sql, structured query language',
  // Interfaces, operations and practices.
  'api, apis, application programming interface',
  'rest, restful',
  'container, containers',
  'kubernetes, k8s',
  'devops, dev ops',
  'deployment, deploying',
  'scaling, scale, scalability, scalable',
  'version control, source control, vcs',
  'ci, continuous integration',
  'microservices, micro services, microservice',
  'security, secure',
  'faster, quicker',
  'testing, tests',
  'qa, quality assurance',
  'documentation, docs, documenting',
  'accessibility, a11y',
  'internationalization, i18n',
  'ux, user experience',
  'ui, user interface',
  'web app, web apps, web application, web applications, webapp',
  'website, websites, web site',
  'web page, web pages, webpage',
  'online shop, online store, webshop',
  'ecommerce, e-commerce',
  'mobile app, mobile apps, smartphone app',
  // Work, pay and careers. A pay question names the salary answer card's topic with any of these.
  'salary, salaries, pay, paid, earn, earns, earning, earnings, wage, wages, income, compensation, remuneration',
  'yearly, annual, annually, per year',
  'monthly, per month',
  'germany, german',
  'remote, remotely, work from home, working from home, home office, wfh, telework',
  'collaborate, collaborating, collaboration, work together, working together, cooperate, cooperation',
  'soft skills, people skills, non-technical skills',
  'sprint, sprints',
  'hire, hires, hiring, recruit, recruiting, recruitment',
  'job, jobs',
  'career, careers',
  'career changer, career changers, career change',
  'prospects, outlook, job prospects',
  'employer, employers',
  'company, companies',
  'junior, beginner, beginners, entry level, entry-level, newcomer, newcomers',
  'senior, experienced',
  'cv, resume, résumé',
  'skill, skills, competencies',
  'task, tasks, responsibility, responsibilities, duty, duties',
  'course, courses',
  'split, separate, separating, separation',
  'choose, choosing, choice, pick',
  'beyond, besides',
  'covid, coronavirus, corona',
];

export const searchVocabulary: SeedSearchVocabulary = {
  synonymGroups: SYNONYM_GROUPS,
  stopWords: STOP_WORDS.split(/\s+/).filter(Boolean),
};
