import { describe, expect, it } from 'vitest';
import { realisticQueries } from './queries.ts';

describe('realisticQueries', () => {
  it('cycles through names, prefixes, typos and pairs until it has enough', () => {
    const q = realisticQueries(['PostgreSQL', 'React'], 8);
    expect(q).toEqual(['postgresql', 'react', 'postg', 'rea', 'potsgresql', 'recat', 'postgresql react', 'react postgresql']);
  });
  it('returns nothing without vocabulary', () => {
    expect(realisticQueries([], 5)).toEqual([]);
  });
});
