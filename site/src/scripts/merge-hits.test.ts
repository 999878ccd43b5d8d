import { HIGHLIGHT_POST as B, HIGHLIGHT_PRE as A } from '@stackguide/contracts/search-queries';
import { describe, expect, it } from 'vitest';
import { blendMeaning, keywordWeight, mergeHits } from './merge-hits.ts';

const hit = (id: string, score: number) => ({ id, _rankingScore: score });
const page = (id: string, score: number, name: string) => ({ ...hit(id, score), type: 'skill', _formatted: { name } });
const article = (id: string, score: number, title: string) => ({ ...hit(id, score), _formatted: { title } });
const ids = (hits: { id?: unknown }[]) => hits.map((h) => h.id);
const STOP = new Set(['what', 'does', 'a', 'do', 'is', 'and', 'the']);

describe('mergeHits', () => {
  it('merges by ranking score, each list keeping its order and pages winning a tie', () => {
    const articles = [hit('a1', 0.9), hit('a2', 0.7), hit('a3', 0.5)];
    const pages = [hit('p1', 0.95), hit('p2', 0.7), hit('p3', 0.1)];
    expect(ids(mergeHits(articles, pages))).toEqual(['p1', 'a1', 'p2', 'a2', 'a3', 'p3']);
    expect(ids(mergeHits([], pages))).toEqual(['p1', 'p2', 'p3']);
    expect(ids(mergeHits(articles, []))).toEqual(['a1', 'a2', 'a3']);
  });

  it('puts a page the query names first, whatever the scores', () => {
    const articles = [article('a1', 0.9, `How ${A}Docker${B} fits a workflow`), article('a2', 0.8, 'Other')];
    const pages = [page('docker', 0.7, `${A}Docker${B}`), page('compose', 0.6, `${A}Docker${B} compose`)];
    expect(ids(mergeHits(articles, pages, 'docker', STOP))).toEqual(['docker', 'a1', 'a2', 'compose']);
  });

  it('names a page by its words matched with typos or synonyms, stop words aside, or by its alias', () => {
    const articles = [article('a1', 0.99, 'Anything')];
    const named = (name: string, typed: string) => ids(mergeHits(articles, [page('p', 0.5, name)], typed, STOP))[0];
    expect(named(`${A}Hosting${B} and ${A}scaling${B}`, 'hosting and scaling')).toBe('p');
    expect(named(`${A}Frontend${B} ${A}developer${B}`, 'fronend developer')).toBe('p');
    expect(named(`Version control (${A}Git${B})`, 'git')).toBe('p');
    expect(named(`${A}Ux${B}/${A}ui${B} collaboration`, 'ux ui')).toBe('a1');
    expect(named('Backend developer', 'backend developer')).toBe('a1');
  });

  it('lets an article whose whole title the query says, and says more than the name, go before the page', () => {
    const question = article('a1', 0.8, `What a ${A}backend${B} ${A}developer${B} does`);
    const longer = article('a2', 0.9, `What ${A}backend${B} ${A}developers${B} earn`);
    const role = page('role', 0.8, `${A}Backend${B} ${A}developer${B}`);
    expect(ids(mergeHits([longer, question], [role], 'what does a backend developer do', STOP))).toEqual(['a1', 'role', 'a2']);
    expect(ids(mergeHits([longer, question], [role], 'backend developer', STOP))).toEqual(['role', 'a2', 'a1']);
  });
});

describe('blendMeaning', () => {
  it('ranks by place in both lists, not by score: 1/n for place n in each, keyword order on a tie, the first `limit`', () => {
    const keyword = [hit('a', 0.9), hit('b', 0.1), hit('c', 0.8), hit('d', 0.7)];
    const meaning = [hit('c', 0.5), hit('e', 0.99), hit('a', 0.4)];
    // a and c: 1 + 1/3; b and e: 1/2; d: 1/4.
    expect(blendMeaning(keyword, meaning, 10).map((h) => h.id)).toEqual(['a', 'c', 'b', 'e', 'd']);
    expect(blendMeaning(keyword, meaning, 3).map((h) => h.id)).toEqual(['a', 'c', 'b']);
  });

  it('keeps the keyword hit of an article both lists hold, highlights included', () => {
    const keyword = [{ ...hit('a', 0.9), _formatted: { title: 'marked' } }];
    expect(blendMeaning(keyword, [hit('a', 0.5)], 10)).toEqual(keyword);
  });

  it('weighs the keyword list: at half, the first by meaning passes the first by keywords', () => {
    const keyword = [hit('a', 0.5), hit('b', 0.4)];
    const meaning = [hit('c', 0.9), hit('d', 0.85), hit('a', 0.8)];
    // a: 1 + 1/3, or 1/2 + 1/3 at half; c: 1; d: 1/2; b: 1/2, or 1/4 at half.
    expect(blendMeaning(keyword, meaning, 10).map((h) => h.id)).toEqual(['a', 'c', 'b', 'd']);
    expect(blendMeaning(keyword, meaning, 10, 0.5).map((h) => h.id)).toEqual(['c', 'a', 'd', 'b']);
  });
});

describe('keywordWeight', () => {
  const stop = new Set(['who', 'and', 'the']);
  const question = 'generalists who code client and server';
  it('halves the keyword hits of a question of four or more words when the best scores below 0.7', () => {
    expect(keywordWeight([hit('a', 0.3), hit('b', 0.69)], question, stop)).toBe(0.5);
    expect(keywordWeight([], question, stop)).toBe(0.5);
  });

  it('keeps them whole when a keyword hit scores 0.7 or more', () => {
    expect(keywordWeight([hit('a', 0.3), hit('b', 0.7)], question, stop)).toBe(1);
  });

  it('keeps them whole for a query of fewer words, stop words aside: a low score there is a typo', () => {
    expect(keywordWeight([hit('a', 0.4)], 'collabration', stop)).toBe(1);
    expect(keywordWeight([hit('a', 0.4)], 'who and the client server', stop)).toBe(1);
    expect(keywordWeight([hit('a', 0.4)], 'who and the client-side web server', stop)).toBe(0.5);
  });
});
