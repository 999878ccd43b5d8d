import { articles } from '@stackguide/demo-content';
import { collectHeadings } from '@stackguide/content';
import { describe, expect, it } from 'vitest';
import { HELD_OUT_QUERIES } from './held-out-queries.ts';
import { JUDGED_QUERIES } from './judged-queries.ts';

const published = new Map(articles.filter((a) => a.status === 'published').map((a) => [a.slug, a]));
/** Heading ids exactly as the article page renders them. */
const headingIds = (slug: string): string[] => collectHeadings(published.get(slug)!.body).map((h) => h.id);

describe('judged query set', () => {
  it('has at least 60 distinct queries covering every kind', () => {
    expect(JUDGED_QUERIES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(JUDGED_QUERIES.map((j) => j.q.toLowerCase())).size).toBe(JUDGED_QUERIES.length);
    expect(new Set(JUDGED_QUERIES.map((j) => j.kind))).toEqual(
      new Set(['question', 'keyword', 'abbreviation', 'synonym', 'typo', 'section']),
    );
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
