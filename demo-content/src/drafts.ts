import { md } from './markdown-blocks.ts';
import type { SeedArticle } from './types.ts';

/** Unpublished work in progress; their "DRAFT: " titles let tests prove drafts never leak to the site or search. */
export const drafts: SeedArticle[] = [
  {
    slug: 'draft-notes-for-a-graphql-piece',
    title: 'DRAFT: Notes for a GraphQL piece',
    excerpt:
      'Working notes for a possible article comparing GraphQL with the REST-first approach we describe elsewhere. Not ready: no sources yet.',
    authorName: 'Sofia Brandt',
    status: 'draft',
    roles: ['backend-developer', 'frontend-developer'],
    skills: ['rest', 'http'],
    seo: {
      metaTitle: 'DRAFT: GraphQL notes',
      metaDescription: 'Internal working notes, not for publication.',
    },
    publishedDaysAgo: 0,
    body: md`
      ## Open questions

      - How does a GraphQL schema compare with a REST contract defined up front?
      - Can the frontend still start on mock data the same way?
      - What changes for the backend developer who owns the API?

      ## Before this can go live

      1. Find at least two solid sources. Our current sources only cover REST.
      2. Ask a backend and a frontend developer to review the comparison.
      3. Link it from the article on splitting frontend and backend.
    `,
  },
  {
    slug: 'draft-salary-survey-2027-plan',
    title: 'DRAFT: Salary survey 2027 plan',
    excerpt: 'Planning notes for our own salary survey. Nothing here is a result; do not quote any of it.',
    authorName: 'Mara Lindqvist',
    status: 'draft',
    roles: ['backend-developer', 'frontend-developer', 'full-stack-developer'],
    skills: ['scrum'],
    seo: {
      metaTitle: 'DRAFT: Salary survey plan',
      metaDescription: 'Internal planning notes, not for publication.',
    },
    publishedDaysAgo: 0,
    body: md`
      Our salary article relies on two outside sources, and one of them gives **no figure at all** for
      full-stack developers. A survey of our own could close that gap.

      ## Questions to ask

      - Role: backend, frontend or full-stack
      - Experience level and region
      - Industry, for example industrial sector or retail
      - Benefits such as flexible hours or home office

      ## Still to decide

      Sample size, how to reach respondents, and who checks the numbers before anything is published.
    `,
  },
];
