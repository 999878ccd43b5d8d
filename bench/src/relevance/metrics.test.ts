import { describe, expect, it } from 'vitest';
import type { JudgedQuery } from './judged-queries.ts';
import { type Answer, cardAnswers, pathOf, rankOf, summarizeByKind, summarizeCards, summarizeRelevance } from './metrics.ts';

const query = (slug: string, extra: { kind?: JudgedQuery['kind']; section?: string } = {}): JudgedQuery => ({
  q: 'q',
  kind: 'keyword',
  slug,
  ...extra,
});
const url = (slug: string) => `/articles/${slug}/`;
const answer = (slug: string, ranked: string[], extra: Partial<Answer> = {}): Answer => ({
  query: query(slug),
  total: ranked.length,
  urls: ranked.map(url),
  ...extra,
});
const salary: JudgedQuery = { q: 'backend salary germany', kind: 'salary', salary: { role: 'backend-developer', region: 'Germany' } };
const card = (url: string, ...bands: [string, string][]) => ({ url, bands: bands.map(([region, level]) => ({ region, level })) });

describe('pathOf', () => {
  it('reads the path of a result, with or without anchors, origins and index.html', () => {
    expect(pathOf('/articles/a-b/')).toBe('/articles/a-b/');
    expect(pathOf('/articles/a-b/#some-heading')).toBe('/articles/a-b/');
    expect(pathOf('http://127.0.0.1:4321/skills/redis/index.html')).toBe('/skills/redis/');
  });
});

describe('rankOf', () => {
  it('is the 1-based position of the relevant article within the first 10', () => {
    expect(rankOf(answer('b', ['a', 'b', 'c']))).toBe(2);
    expect(rankOf(answer('z', ['a', 'b']))).toBeNull();
    expect(rankOf(answer('k', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k']))).toBeNull();
  });

  it('finds a role or skill page by its path', () => {
    const page: JudgedQuery = { q: 'redis', kind: 'skill', page: '/skills/redis/' };
    expect(rankOf({ query: page, total: 2, urls: ['/articles/a/', '/skills/redis/'] })).toBe(2);
  });

  it('ranks salary figures first when the card shows them, else at the role page', () => {
    const urls = ['/articles/earn/', '/roles/backend-developer/'];
    expect(rankOf({ query: salary, total: 2, urls, card: card('/roles/backend-developer/', ['Germany', 'entry']) })).toBe(1);
    expect(rankOf({ query: salary, total: 2, urls, card: null })).toBe(2);
    expect(rankOf({ query: salary, total: 2, urls: ['/articles/earn/'], card: null })).toBeNull();
  });

  it('takes no rank from the results for a card a query did not ask for', () => {
    const shown = card('/roles/backend-developer/', ['Germany', 'entry']);
    expect(rankOf(answer('b', ['a', 'b'], { card: shown }))).toBe(2);
  });
});

describe('cardAnswers', () => {
  it('holds only for the judged role with every band of the judged region and level', () => {
    expect(cardAnswers(salary, card('/roles/backend-developer/', ['Germany', 'entry'], ['Germany', 'manager']))).toBe(true);
    expect(cardAnswers(salary, card('/roles/backend-developer/', ['Germany', 'entry'], ['Europe', 'experienced']))).toBe(false);
    expect(cardAnswers(salary, card('/roles/frontend-developer/', ['Germany', 'entry']))).toBe(false);
    expect(cardAnswers(salary, card('/roles/backend-developer/'))).toBe(false);
    expect(cardAnswers(query('a'), card('/roles/backend-developer/', ['Germany', 'entry']))).toBe(false);
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

  it('does not count a query answered by the card alone as without results', () => {
    const shown = card('/roles/backend-developer/', ['Germany', 'entry']);
    expect(summarizeRelevance([{ query: salary, total: 0, urls: [], card: shown }]).zeroResultRate).toBe(0);
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

describe('summarizeCards', () => {
  it('counts the salary queries the card answered and the cards shown for other queries', () => {
    const shown = card('/roles/backend-developer/', ['Germany', 'entry']);
    expect(
      summarizeCards([
        { query: salary, total: 1, urls: [], card: shown },
        { query: { ...salary, q: 'other' }, total: 1, urls: [], card: null },
        answer('a', ['a'], { card: shown }),
        answer('b', ['b'], { card: null }),
      ]),
    ).toEqual({ salaryQueries: 2, right: 1, unasked: 1 });
    expect(summarizeCards([answer('a', ['a'])])).toBeNull();
  });
});
