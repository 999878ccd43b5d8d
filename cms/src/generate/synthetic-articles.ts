import type { Block } from '@stackguide/contracts/blocks';

export type Ref = { slug: string; name: string };
export type SyntheticArticle = {
  slug: string;
  title: string;
  excerpt: string;
  authorName: string;
  body: Block[];
  roles: string[];
  skills: string[];
  publishedDaysAgo: number;
  wordCount: number;
};

/** Slug prefix that marks generated benchmark articles, so `--clean` removes only those. */
export const GENERATED_PREFIX = 'gen-';
export const GENERATED_AUTHOR = 'Stackguide generator';

const TITLES = [
  'How {skill} fits into a {role} workflow',
  'Lessons from moving a service to {skill}',
  'What {skill} and {skill2} teach about API design',
  'A {role} checklist for {skill} in production',
  'Debugging slow pages with {skill}',
  'When to reach for {skill2} instead of {skill}',
  'Pairing {skill} with {skill2} on a small team',
  'Reading the logs: {skill} under load',
];

const SENTENCES = [
  'A {role} who knows {skill} can explain why a request is slow before anyone opens a profiler.',
  'Most teams adopt {skill} for one project and then discover it shapes how they review code.',
  'The first week with {skill} is mostly about learning which defaults to distrust.',
  'Pairing {skill} with {skill2} keeps the data layer honest while the interface keeps moving.',
  'Caching answers close to the user often matters more than shaving milliseconds off a query.',
  'Agree on the REST contract first, and the frontend can build against mock data the same afternoon.',
  'Version control history is documentation that nobody has to remember to update.',
  'Accessibility reviews catch problems that automated checks in {skill} never flag.',
  'A clear error message saves more support time than another dashboard.',
  'Scaling a service usually starts with measuring, not with adding servers.',
  'Security compliance is easier to keep than to retrofit after the launch.',
  'Small, frequent deployments make every {skill} upgrade less frightening.',
  'The database schema outlives the framework, so name its columns with care.',
  'When {skill2} is the bottleneck, the fix is often an index rather than a rewrite.',
  'Writing down the decision and its reason lets the next {role} pick up where you left off.',
  'Load tests on a copy of production data reveal what unit tests cannot.',
  'Search that returns the right article first is worth more than search that returns many.',
  'Every extra network hop between {skill} and {skill2} shows up in page load time.',
];

/** Small deterministic PRNG so the same seed always produces the same articles. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Produces `count` realistic, varied articles (300–1,500 words, domain vocabulary, linked roles
 * and skills) for benchmarks. Deterministic for a given `seed`; numbering starts at `offset`.
 */
export function* syntheticArticles(
  count: number,
  refs: { roles: Ref[]; skills: Ref[] },
  opts: { seed?: number; offset?: number } = {},
): Generator<SyntheticArticle> {
  if (refs.roles.length === 0 || refs.skills.length < 2) throw new Error('need at least one role and two skills to generate articles');
  const random = mulberry32(opts.seed ?? 42);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  for (let i = 0; i < count; i++) {
    const n = (opts.offset ?? 0) + i + 1;
    const skill = pick(refs.skills);
    let skill2 = pick(refs.skills);
    while (skill2.slug === skill.slug) skill2 = pick(refs.skills);
    const role = pick(refs.roles);
    const fill = (template: string) =>
      template.replaceAll('{skill2}', skill2.name).replaceAll('{skill}', skill.name).replaceAll('{role}', role.name.toLowerCase());
    const targetWords = 300 + Math.floor(random() * 1201);
    const body: Block[] = [];
    let words = 0;
    while (words < targetWords) {
      if (body.length % 5 === 0) body.push({ type: 'heading', level: 2, children: [{ type: 'text', text: fill(pick(TITLES)) }] });
      const sentences = Array.from({ length: 3 + Math.floor(random() * 4) }, () => fill(pick(SENTENCES)));
      const text = sentences.join(' ');
      words += text.split(/\s+/).length;
      body.push({ type: 'paragraph', children: [{ type: 'text', text }] });
    }
    const title = `${fill(pick(TITLES))} (${n})`;
    yield {
      slug: `${GENERATED_PREFIX}${n}-${skill.slug}-${skill2.slug}`,
      title: title.slice(0, 120),
      excerpt: fill(pick(SENTENCES)).slice(0, 300),
      authorName: GENERATED_AUTHOR,
      body,
      roles: [role.slug],
      skills: [skill.slug, skill2.slug],
      publishedDaysAgo: Math.floor(random() * 720),
      wordCount: words,
    };
  }
}
