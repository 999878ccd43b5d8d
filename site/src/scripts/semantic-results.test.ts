import { EMBEDDER } from '@stackguide/contracts/search-index';
import { describe, expect, it } from 'vitest';
import { SearchUnavailableError } from './search-client.ts';
import { type Answer, searchQueries } from './search-request.ts';
import {
  blendedHits,
  createSemanticSearch,
  SEMANTIC_CANDIDATES,
  SEMANTIC_TIMEOUT_MS,
  MEANING_FLOOR,
  semanticQuery,
  usableSemantic,
} from './semantic-results.ts';

describe('semanticQuery', () => {
  it('asks for the same hits ranked by meaning alone, for the query as typed, with ranking scores and no facets', () => {
    const results = {
      indexUid: 'articles',
      q: 'builds web pages',
      limit: 10,
      facets: ['roles', 'skills'],
      filter: [],
      showRankingScore: true,
    };
    expect(semanticQuery(results, 'who builds web pages')).toEqual({
      ...results,
      q: 'who builds web pages',
      hybrid: { embedder: EMBEDDER, semanticRatio: 1 },
      facets: [],
      limit: SEMANTIC_CANDIDATES,
    });
    expect(searchQueries({ q: 'x', page: 1, roles: [], skills: [] }, 10)[0]).toMatchObject({ showRankingScore: true });
  });

  it('asks for as many hits as the results when they are more than the candidates it needs', () => {
    expect(semanticQuery({ q: 'x', limit: SEMANTIC_CANDIDATES + 10 }, 'x')).toMatchObject({ limit: SEMANTIC_CANDIDATES + 10 });
  });
});

describe('blendedHits', () => {
  const keyword = [
    { id: 'k1', _rankingScore: 0.9 },
    { id: 'k2', _rankingScore: 0.5 },
  ];
  it("blends the answer's semantic hits into the keyword ones; the keyword hits it appends carry no meaning", () => {
    const answer = {
      hits: [
        { id: 'm1', _rankingScore: 0.8 },
        { id: 'k2', _rankingScore: 0.7 },
        { id: 'k9', _rankingScore: 0.95 },
      ],
      semanticHitCount: 2,
    };
    expect(blendedHits(answer, keyword, 10, 'k', new Set())?.map((hit) => hit.id)).toEqual(['k1', 'k2', 'm1']);
  });

  it('puts meaning first for a long question the keyword hits match weakly (keywordWeight)', () => {
    const answer = { hits: [{ id: 'm1', _rankingScore: 0.8 }], semanticHitCount: 1 };
    const weak = [{ id: 'k1', _rankingScore: 0.4 }];
    const ids = (typed: string) => blendedHits(answer, weak, 10, typed, new Set(['who']))?.map((hit) => hit.id);
    expect(ids('who builds web pages')).toEqual(['k1', 'm1']);
    expect(ids('who builds the web pages')).toEqual(['m1', 'k1']);
  });

  it('leaves out the hits meaning scores under MEANING_FLOOR, and is null when none is left', () => {
    const answer = (...scores: number[]) => ({
      hits: scores.map((s, i) => ({ id: `m${i}`, _rankingScore: s })),
      semanticHitCount: scores.length,
    });
    const below = MEANING_FLOOR - 0.01;
    expect(blendedHits(answer(MEANING_FLOOR, below), [], 10, 'q', new Set())?.map((hit) => hit.id)).toEqual(['m0']);
    expect(blendedHits(answer(below, below), [], 10, 'q', new Set())).toBeNull();
    expect(blendedHits(answer(below), keyword, 10, 'q', new Set())).toBeNull();
  });

  it('is null for an unusable answer', () => {
    expect(blendedHits({ hits: keyword, semanticHitCount: 0 }, keyword, 10, 'k', new Set())).toBeNull();
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

describe('createSemanticSearch', () => {
  const state = { q: 'who builds web pages', page: 1, roles: [], skills: [] };
  const client = (answer: () => Promise<Answer[]>) => {
    const calls: { queries: Record<string, unknown>[]; timeoutMs: number | undefined }[] = [];
    const ask = async (queries: Record<string, unknown>[], timeoutMs?: number) => {
      calls.push({ queries, timeoutMs });
      return answer();
    };
    return { calls, ask, stopWords: () => new Set(['who']) };
  };

  it('asks the semantic query within the time budget, filtered as the keyword one, and blends its hits in when usable', async () => {
    const c = client(async () => [{ hits: [{ id: 'm', _rankingScore: 0.7 }], semanticHitCount: 1 } as Answer]);
    const keyword = [{ id: 'k', _rankingScore: 0.6 }];
    const chosen = { ...state, roles: ['frontend-developer'] };
    await expect(createSemanticSearch(c)(chosen, 10, keyword)).resolves.toEqual([keyword[0], { id: 'm', _rankingScore: 0.7 }]);
    expect(c.calls[0]).toMatchObject({
      timeoutMs: SEMANTIC_TIMEOUT_MS,
      queries: [{ q: 'who builds web pages', limit: SEMANTIC_CANDIDATES, filter: [['roles = "frontend-developer"']] }],
    });
  });

  it('keeps the keyword results when the answer is late or unusable, and asks again next time', async () => {
    const c = client(async () => {
      throw new SearchUnavailableError('timed out');
    });
    const semantic = createSemanticSearch(c);
    await expect(semantic(state, 10, [])).resolves.toBeNull();
    await expect(semantic(state, 10, [])).resolves.toBeNull();
    expect(c.calls).toHaveLength(2);
  });

  it('stops asking once Meilisearch refuses hybrid queries (no embedder on the index)', async () => {
    const c = client(async () => {
      throw new SearchUnavailableError('HTTP 400 from http://127.0.0.1:7700/multi-search', { status: 400 });
    });
    const semantic = createSemanticSearch(c);
    await expect(semantic(state, 10, [])).resolves.toBeNull();
    await expect(semantic(state, 10, [])).resolves.toBeNull();
    expect(c.calls).toHaveLength(1);
  });
});
