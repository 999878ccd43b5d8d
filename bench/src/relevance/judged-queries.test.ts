import { articles, roles, searchVocabulary, skills } from '@stackguide/demo-content';
import { collectHeadings } from '@stackguide/content';
import { roleUrl, skillUrl } from '@stackguide/contracts/search-index';
import { describe, expect, it } from 'vitest';
import { HELD_OUT_QUERIES } from './held-out-queries.ts';
import { JUDGED_QUERIES } from './judged-queries.ts';
import { UNRELATED_QUERIES } from './unrelated-queries.ts';

const published = new Map(articles.filter((a) => a.status === 'published').map((a) => [a.slug, a]));
const pages = new Set([...roles.map((r) => roleUrl(r.slug)), ...skills.map((s) => skillUrl(s.slug))]);
const stopWords = new Set(searchVocabulary.stopWords);
/** A word's content-bearing stem: lower case, without a plural or -ing/-ed/-er/-ment ending. */
const stem = (word: string) => word.toLowerCase().replace(/(ments?|ings?|ers?|ed|es|s)$/, '');
const contentStems = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w && !stopWords.has(w))
      .map(stem),
  );

/** Each synonym of the vocabulary as the first word of its group, longest first, so phrases go before their words. */
const canonical = searchVocabulary.synonymGroups
  .flatMap((group) => {
    const [first, ...rest] = group.split(',').map((w) => w.trim().toLowerCase());
    return rest.map((variant) => [variant, first!] as const);
  })
  .sort(([a], [b]) => b.length - a.length);
const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^a-z0-9+#.]+/)
    .filter(Boolean);
/** The words a reader means: synonyms as one word, stop words dropped. */
const meant = (text: string) => {
  let t = ` ${words(text).join(' ')} `;
  for (const [variant, first] of canonical) t = t.replaceAll(` ${variant} `, ` ${first} `);
  return words(t.replace(/-/g, ' ')).filter((w) => !stopWords.has(w));
};
const without = (word: string, i: number) => word.slice(0, i) + word.slice(i + 1);
/** Whether two words differ by at most one letter left out, added or changed (a typo), for words of five letters or more. */
const typo = (a: string, b: string) =>
  a === b ||
  (Math.min(a.length, b.length) >= 5 &&
    Math.abs(a.length - b.length) <= 1 &&
    [...Array(Math.max(a.length, b.length)).keys()].some(
      (i) => without(a, i) === b || without(b, i) === a || without(a, i) === without(b, i),
    ));
const sameWords = (a: string[], b: string[]) => a.length === b.length && a.every((w) => b.some((v) => typo(w, v)));
const pageNames = [
  ...roles.map((r) => ({ url: roleUrl(r.slug), forms: [r.name] })),
  ...skills.map((s) => ({ url: skillUrl(s.slug), forms: s.name.split('(').map((f) => f.replace(')', '')) })),
];

/** Heading ids exactly as the article page renders them. */
const headingIds = (slug: string): string[] => collectHeadings(published.get(slug)!.body).map((h) => h.id);
const all = [...JUDGED_QUERIES, ...HELD_OUT_QUERIES];

describe('judged query set', () => {
  it('has at least 100 distinct queries covering every kind, 20 of them paraphrases', () => {
    expect(JUDGED_QUERIES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(JUDGED_QUERIES.map((j) => j.q.toLowerCase())).size).toBe(JUDGED_QUERIES.length);
    expect(new Set(JUDGED_QUERIES.map((j) => j.kind))).toEqual(
      new Set(['question', 'keyword', 'abbreviation', 'synonym', 'typo', 'section', 'paraphrase', 'role', 'skill', 'salary']),
    );
    expect(JUDGED_QUERIES.filter((j) => j.kind === 'paraphrase').length).toBeGreaterThanOrEqual(20);
  });

  it("phrases every paraphrase without a content word of its article's title", () => {
    const sharing = [...JUDGED_QUERIES, ...HELD_OUT_QUERIES]
      .flatMap((j) => (j.kind === 'paraphrase' && 'slug' in j ? [{ q: j.q, slug: j.slug }] : []))
      .map((j) => ({ q: j.q, shared: [...contentStems(j.q)].filter((w) => contentStems(published.get(j.slug)!.title).has(w)) }))
      .filter((j) => j.shared.length > 0);
    expect(sharing).toEqual([]);
  });

  it('has at least 15 queries whose best answer is a role, a skill or a salary figure', () => {
    expect(JUDGED_QUERIES.filter((j) => 'page' in j || 'salary' in j).length).toBeGreaterThanOrEqual(15);
  });

  it('judges only published seed articles', () => {
    const unknown = all.filter((j) => 'slug' in j && !published.has(j.slug)).map((j) => `${j.q} → ${'slug' in j && j.slug}`);
    expect(unknown).toEqual([]);
  });

  it('judges only seeded role and skill pages, and salary figures the seeded role has', () => {
    expect(all.filter((j) => 'page' in j && !pages.has(j.page)).map((j) => j.q)).toEqual([]);
    const unknown = all.flatMap((j) => {
      if (!('salary' in j)) return [];
      const { role, region, level } = j.salary;
      const bands = roles.find((r) => r.slug === role)?.salaryBands ?? [];
      const asked = bands.filter((b) => (region === undefined || b.region === region) && (level === undefined || b.level === level));
      return asked.length > 0 ? [] : [`${j.q} → ${role} ${region ?? ''} ${level ?? ''}`];
    });
    expect(unknown).toEqual([]);
  });

  it('names only sections that exist on the judged article page', () => {
    const unknown = all.flatMap((j) =>
      'slug' in j && j.section !== undefined && !headingIds(j.slug).includes(j.section)
        ? [`${j.q} → ${j.slug}#${j.section} (has ${headingIds(j.slug).join(', ')})`]
        : [],
    );
    expect(unknown).toEqual([]);
  });

  it("judges a query that only names a role or skill to its page, unless it says an article's whole title", () => {
    const titles = [...published.values()].map((a) => words(a.title));
    const misjudged = all.flatMap((j) => {
      const named = pageNames.find((p) => p.forms.some((form) => sameWords(meant(j.q), meant(form))));
      const saysTitle = titles.some((title) => title.every((w) => words(j.q).some((v) => typo(w, v))));
      return named && !saysTitle && !('page' in j && j.page === named.url) ? [`${j.q} → ${named.url}`] : [];
    });
    expect(misjudged).toEqual([]);
  });

  it('names a section for every section query', () => {
    expect(all.filter((j) => j.kind === 'section' && !('section' in j && j.section))).toEqual([]);
  });

  it("asks unrelated queries with no content word of any article's title, excerpt or headings, nor of a role or skill name", () => {
    const site = new Set(
      [...published.values()].flatMap((a) => [
        ...contentStems(a.title),
        ...contentStems(a.excerpt),
        ...collectHeadings(a.body).flatMap((h) => [...contentStems(h.text)]),
      ]),
    );
    for (const page of pageNames) for (const form of page.forms) for (const w of contentStems(form)) site.add(w);
    const sharing = UNRELATED_QUERIES.map((q) => ({ q, shared: [...contentStems(q)].filter((w) => site.has(w)) })).filter(
      (u) => u.shared.length > 0,
    );
    expect(sharing).toEqual([]);
  });

  it('keeps the held-out queries apart from the judged ones', () => {
    const judged = new Set(JUDGED_QUERIES.map((j) => j.q.toLowerCase()));
    expect(HELD_OUT_QUERIES.filter((j) => judged.has(j.q.toLowerCase()))).toEqual([]);
  });
});
