import type { FakeCollections } from '@stackguide/test-kit';
import { roleSchema, skillSchema } from '@stackguide/contracts/entries';
import { articleSchema } from '../src/strapi/schemas.ts';
import type { Snapshot } from '../src/lib/snapshot.ts';
import { bodyRef } from '../server/body-store.ts';

/** Title of the fixture article that tries to inject markup; pages must show it as text. */
export const HOSTILE_TITLE = 'Escaping <img src=x onerror=alert(1)> in templates';

const skillDefs = [
  ['TypeScript', 'language'],
  ['JavaScript', 'language'],
  ['Go', 'language'],
  ['Python', 'language'],
  ['React', 'framework'],
  ['Astro', 'framework'],
  ['Express', 'framework'],
  ['Django', 'framework'],
  ['PostgreSQL', 'database'],
  ['Redis', 'database'],
  ['HTTP', 'protocol'],
  ['GraphQL', 'protocol'],
  ['Accessibility', 'practice'],
  ['Testing', 'practice'],
  ['Git', 'tool'],
  ['Docker', 'tool'],
] as const;

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const stamp = (day: number) => new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString();

function makeSkills() {
  return skillDefs.map(([name, category], i) => ({
    id: i + 1,
    documentId: `skill-${slug(name)}`,
    name,
    slug: slug(name),
    category,
    description: `${name} is a ${category} many developers use every day.`,
    createdAt: stamp(0),
    updatedAt: stamp(0),
    publishedAt: stamp(0),
  }));
}

type SkillItem = ReturnType<typeof makeSkills>[number];

function band(region: string, period: 'month' | 'year', level: string, min: number, max: number | null) {
  return { id: 0, region, currency: 'EUR', period, level, min, max, sourceNote: `Fixture survey ${region} 2025.` };
}

function makeRoles(skills: SkillItem[]) {
  const pick = (...names: string[]) => skills.filter((s) => names.includes(s.name));
  const defs = [
    [
      'Backend developer',
      'Builds the APIs, data and services behind the screen.',
      pick('Go', 'Python', 'TypeScript', 'Express', 'Django', 'PostgreSQL', 'Redis', 'HTTP', 'Testing', 'Docker', 'Git'),
    ],
    [
      'Frontend developer',
      'Builds what people see and touch in the browser.',
      pick('TypeScript', 'JavaScript', 'React', 'Astro', 'HTTP', 'GraphQL', 'Accessibility', 'Testing', 'Git'),
    ],
    [
      'Full-stack developer',
      'Moves between browser and server as the product needs.',
      pick('TypeScript', 'React', 'Express', 'PostgreSQL', 'HTTP', 'Testing', 'Git', 'Docker'),
    ],
  ] as const;
  return defs.map(([name, tagline, roleSkills], i) => ({
    id: i + 1,
    documentId: `role-${slug(name)}`,
    name,
    slug: slug(name),
    tagline,
    summary: `${name}s turn requirements into working software.`,
    createdAt: stamp(0),
    updatedAt: stamp(0),
    publishedAt: stamp(0),
    responsibilities: [
      { id: 1, title: 'Design features', description: `Shape features with product and design, as a ${name.toLowerCase()}.` },
      { id: 2, title: 'Ship and maintain code', description: 'Write, review, test and run the code in production.' },
    ],
    salaryBands: [
      band('Germany', 'year', 'entry', 45_000 + i * 1000, 55_000 + i * 1000),
      band('Germany', 'year', 'lead', 80_000, null),
      band('Portugal', 'month', 'experienced', 2700, 3500),
    ],
    skills: roleSkills.map(({ id, documentId, name: n, slug: s, category, description }) => ({
      id,
      documentId,
      name: n,
      slug: s,
      category,
      description,
    })),
  }));
}

function body(n: number) {
  return [
    {
      type: 'paragraph',
      children: [
        { type: 'text', text: `Article ${n} explains one part of the job. ` },
        { type: 'text', text: 'Bold point.', bold: true },
      ],
    },
    { type: 'heading', level: 2, children: [{ type: 'text', text: 'Why it matters' }] },
    {
      type: 'paragraph',
      children: [
        { type: 'text', text: 'See ' },
        { type: 'link', url: 'https://developer.mozilla.org/', children: [{ type: 'text', text: 'MDN' }] },
        { type: 'text', text: ' and ' },
        { type: 'link', url: '/articles/', children: [{ type: 'text', text: 'all articles' }] },
        { type: 'text', text: '.' },
      ],
    },
    {
      type: 'list',
      format: 'unordered',
      children: [
        { type: 'list-item', children: [{ type: 'text', text: 'First point' }] },
        { type: 'list', format: 'ordered', children: [{ type: 'list-item', children: [{ type: 'text', text: 'Nested step' }] }] },
        { type: 'list-item', children: [{ type: 'text', text: 'Second point', italic: true }] },
      ],
    },
    { type: 'heading', level: 3, children: [{ type: 'text', text: 'An example' }] },
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the fixture is source code that a page shows verbatim
    { type: 'code', language: 'ts', children: [{ type: 'text', text: 'const answer: number = 42;\nconsole.log(`<b>${answer}</b>`);' }] },
    { type: 'quote', children: [{ type: 'text', text: 'Make it work, make it right, make it fast.' }] },
  ];
}

/** Realistic Strapi content: 3 roles, 16 skills and `articleCount` published articles. */
export function makeContent(articleCount: number): FakeCollections {
  const skills = makeSkills();
  const roles = makeRoles(skills);
  const articles = Array.from({ length: articleCount }, (_, i) => {
    const n = i + 1;
    const role = roles[i % roles.length]!;
    const articleSkills = [skills[i % skills.length]!, skills[(i * 7 + 3) % skills.length]!]
      .filter((s, k, all) => all.findIndex((x) => x.documentId === s.documentId) === k)
      .map(({ id, documentId, name, slug: s, category }) => ({ id, documentId, name, slug: s, category }));
    const title = n === 2 ? HOSTILE_TITLE : `Fixture article ${n}: what a ${role.name.toLowerCase()} does`;
    return {
      id: n,
      documentId: `article-${n}`,
      title,
      slug: `fixture-article-${n}`,
      excerpt: `A short summary of fixture article ${n}.`,
      body: body(n),
      authorName: 'Fixture Author',
      createdAt: stamp(n),
      updatedAt: stamp(n),
      publishedAt: stamp(n),
      cover:
        n % 5 === 1
          ? {
              id: n,
              documentId: `media-${n}`,
              url: `/uploads/cover-${n}.png`,
              alternativeText: `Cover of article ${n}`,
              width: 120,
              height: 63,
              mime: 'image/png',
            }
          : null,
      seo: null,
      roles: [{ id: role.id, documentId: role.documentId, name: role.name, slug: role.slug }],
      skills: articleSkills,
    };
  });
  return { articles, roles, skills };
}

/** `makeContent(articleCount)` as the site's Strapi reads hand it to a build: validated, by documentId, bodies referenced (stored nowhere). */
export function fixtureSnapshot(articleCount: number): Snapshot {
  const content = makeContent(articleCount);
  const byId = <T extends { documentId: string }>(items: T[]) => new Map(items.map((i) => [i.documentId, i]));
  return {
    articles: byId(
      content.articles.map((a) => {
        const fetched = articleSchema.parse(a);
        return { ...fetched, body: bodyRef(fetched.body) };
      }),
    ),
    roles: byId(content.roles.map((r) => roleSchema.parse(r))),
    skills: byId(content.skills.map((s) => skillSchema.parse(s))),
  };
}
