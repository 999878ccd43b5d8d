import { describe, expect, it } from 'vitest';
import type { JudgedQuery } from './judged-queries.ts';
import { type Answer, rankOf, slugOf, summarizeByKind, summarizeRelevance } from './metrics.ts';

const query = (slug: string, extra: Partial<JudgedQuery> = {}): JudgedQuery => ({ q: 'q', kind: 'keyword', slug, ...extra });
const url = (slug: string) => `/articles/${slug}/`;
const answer = (slug: string, ranked: string[], extra: Partial<Answer> = {}): Answer => ({
  query: query(slug),
  total: ranked.length,
  urls: ranked.map(url),
  ...extra,
});

describe('slugOf', () => {
  it('reads the slug from article paths, with or without anchors and origins', () => {
    expect(slugOf('/articles/a-b/')).toBe('a-b');
    expect(slugOf('/articles/a-b/#some-heading')).toBe('a-b');
    expect(slugOf('http://127.0.0.1:4321/articles/a-b/index.html')).toBe('a-b');
    expect(slugOf('/roles/backend-developer/')).toBeNull();
  });
});

describe('rankOf', () => {
  it('is the 1-based position of the relevant article within the first 10', () => {
    expect(rankOf(answer('b', ['a', 'b', 'c']))).toBe(2);
    expect(rankOf(answer('z', ['a', 'b']))).toBeNull();
    expect(rankOf(answer('k', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k']))).toBeNull();
  });
});

describe('summarizeRelevance', () => {
  it('computes MRR@10, hits@1, hits@3 and the zero-result rate', () => {
    const s = summarizeRelevance([
      answer('a', ['a', 'b']),
      answer('b', ['a', 'c', 'b']),
      answer('c', ['x', 'y', 'z', 'c']),
      answer('d', []),
    ]);
    expect(s.queries).toBe(4);
    expect(s.mrr10).toBeCloseTo((1 + 1 / 3 + 1 / 4 + 0) / 4);
    expect(s.hitsAt1).toBe(0.25);
    expect(s.hitsAt3).toBe(0.5);
    expect(s.zeroResultRate).toBe(0.25);
    expect(s.sectionHits).toBeNull();
  });

  it('counts section hits only over queries judged with a section, when the engine offers anchors', () => {
    const sectioned = (anchor: string | null): Answer => ({ query: query('a', { section: 'pay' }), total: 1, urls: [url('a')], anchor });
    const s = summarizeRelevance([sectioned('pay'), sectioned('intro'), { ...answer('a', ['a']), anchor: null }]);
    expect(s.sectionHits).toBe(0.5);
  });

  it('splits by query kind', () => {
    const byKind = summarizeByKind([
      { ...answer('a', ['a']), query: query('a', { kind: 'typo' }) },
      { ...answer('b', ['a']), query: query('b', { kind: 'question' }) },
    ]);
    expect([...byKind.keys()]).toEqual(['typo', 'question']);
    expect(byKind.get('typo')!.mrr10).toBe(1);
    expect(byKind.get('question')!.mrr10).toBe(0);
  });
});
