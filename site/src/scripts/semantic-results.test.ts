import { HYBRID } from '@stackguide/contracts/search-index';
import { describe, expect, it } from 'vitest';
import { semanticQuery, usableSemantic } from './semantic-results.ts';

describe('semanticQuery', () => {
  it('asks for the same hits with meaning blended in, ranking scores and no facets', () => {
    const results = { indexUid: 'articles', q: 'who builds web pages', limit: 10, facets: ['roles', 'skills'], filter: [] };
    expect(semanticQuery(results)).toEqual({ ...results, hybrid: HYBRID, facets: [], showRankingScore: true });
  });
});

describe('usableSemantic', () => {
  const hit = (score: number) => ({ id: 'a', _rankingScore: score });
  it('takes an answer the embedder took part in, every hit ranked', () => {
    expect(usableSemantic({ hits: [hit(0.8), hit(0.4)], semanticHitCount: 1 })).toBe(true);
  });

  it.each([
    ['no answer', undefined],
    ['keyword results only (the embedder failed)', { hits: [hit(0.9)], semanticHitCount: 0 }],
    ['a hit Meilisearch had no time to rank', { hits: [hit(0.9), hit(0)], semanticHitCount: 2 }],
    ['hits without scores', { hits: [{ id: 'a' }], semanticHitCount: 1 }],
    ['another shape', { results: [] }],
  ])('refuses %s', (_name, answer) => {
    expect(usableSemantic(answer as never)).toBe(false);
  });
});
