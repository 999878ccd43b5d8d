import { describe, expect, it } from 'vitest';
import { closestTerm, editDistance, queryWords, suggestQueries } from './search-suggest.ts';

const TERMS = ['fullstack', 'full stack', 'kubernetes', 'k8s', 'salary', 'postgresql', 'react'];

describe('queryWords', () => {
  it('lower-cases, splits and drops stop words', () => {
    expect(queryWords('  How much does a Fulstack dev  earn ', ['how', 'much', 'does', 'a'])).toEqual(['fulstack', 'dev', 'earn']);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps', () => {
    expect(editDistance('fulstack', 'fullstack', 2)).toBe(1);
    expect(editDistance('raect', 'react', 2)).toBe(1);
    expect(editDistance('salery', 'salary', 2)).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('closestTerm', () => {
  it('finds the term within the typos Meilisearch would allow for the word’s length', () => {
    expect(closestTerm('fulstack', TERMS)).toBe('fullstack');
    expect(closestTerm('kubernets', TERMS)).toBe('kubernetes');
    expect(closestTerm('postgrsql', TERMS)).toBe('postgresql');
    expect(closestTerm('raect', TERMS)).toBe('react');
    expect(closestTerm('k9s', TERMS), 'no typos under 4 letters').toBeNull();
    expect(closestTerm('zzzzzz', TERMS)).toBeNull();
    expect(closestTerm('react', TERMS), 'an exact term is not a suggestion').toBeNull();
  });
});

describe('suggestQueries', () => {
  it('corrects words that find nothing and offers the query without them', () => {
    expect(suggestQueries(['fulstack', 'salary'], [0, 4], TERMS)).toEqual({ corrected: 'fullstack salary', reduced: 'salary' });
    expect(suggestQueries(['qqxz', 'salary'], [0, 4], TERMS)).toEqual({ corrected: null, reduced: 'salary' });
    expect(suggestQueries(['qqxz'], [0], TERMS)).toEqual({ corrected: null, reduced: null });
    expect(suggestQueries(['kubernets'], [0], TERMS)).toEqual({ corrected: 'kubernetes', reduced: null });
  });
});
