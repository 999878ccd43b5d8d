import { articles, searchVocabulary } from '@stackguide/demo-content';
import { collectHeadings } from '@stackguide/content';
import { describe, expect, it } from 'vitest';
import { HELD_OUT_QUERIES } from './held-out-queries.ts';
import { JUDGED_QUERIES } from './judged-queries.ts';

const published = new Map(articles.filter((a) => a.status === 'published').map((a) => [a.slug, a]));
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

/** Heading ids exactly as the article page renders them. */
const headingIds = (slug: string): string[] => collectHeadings(published.get(slug)!.body).map((h) => h.id);

describe('judged query set', () => {
  it('has at least 100 distinct queries covering every kind, 20 of them paraphrases', () => {
    expect(JUDGED_QUERIES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(JUDGED_QUERIES.map((j) => j.q.toLowerCase())).size).toBe(JUDGED_QUERIES.length);
    expect(new Set(JUDGED_QUERIES.map((j) => j.kind))).toEqual(
      new Set(['question', 'keyword', 'abbreviation', 'synonym', 'typo', 'section', 'paraphrase']),
    );
    expect(JUDGED_QUERIES.filter((j) => j.kind === 'paraphrase').length).toBeGreaterThanOrEqual(20);
  });

  it("phrases every paraphrase without a content word of its article's title", () => {
    const sharing = [...JUDGED_QUERIES, ...HELD_OUT_QUERIES]
      .filter((j) => j.kind === 'paraphrase')
      .map((j) => ({ q: j.q, shared: [...contentStems(j.q)].filter((w) => contentStems(published.get(j.slug)!.title).has(w)) }))
      .filter((j) => j.shared.length > 0);
    expect(sharing).toEqual([]);
  });

  it('judges only published seed articles', () => {
    const unknown = [...JUDGED_QUERIES, ...HELD_OUT_QUERIES].filter((j) => !published.has(j.slug)).map((j) => `${j.q} → ${j.slug}`);
    expect(unknown).toEqual([]);
  });

  it('names only sections that exist on the judged article page', () => {
    const unknown = [...JUDGED_QUERIES, ...HELD_OUT_QUERIES]
      .filter((j) => j.section !== undefined && !headingIds(j.slug).includes(j.section))
      .map((j) => `${j.q} → ${j.slug}#${j.section} (has ${headingIds(j.slug).join(', ')})`);
    expect(unknown).toEqual([]);
  });

  it('names a section for every section query', () => {
    expect([...JUDGED_QUERIES, ...HELD_OUT_QUERIES].filter((j) => j.kind === 'section' && !j.section)).toEqual([]);
  });

  it('keeps the held-out queries apart from the judged ones', () => {
    const judged = new Set(JUDGED_QUERIES.map((j) => j.q.toLowerCase()));
    expect(HELD_OUT_QUERIES.filter((j) => judged.has(j.q.toLowerCase()))).toEqual([]);
  });
});
