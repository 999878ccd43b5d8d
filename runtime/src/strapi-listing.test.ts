import { describe, expect, it } from 'vitest';
import { documentIdFilters, keysetPageQuery } from './strapi-listing.ts';

describe('keysetPageQuery', () => {
  it('asks for the entries after an id, in id order, keeping the filters', () => {
    const query = keysetPageQuery(new URLSearchParams({ 'fields[0]': 'updatedAt' }), 4711, 1000);
    expect(Object.fromEntries(query)).toEqual({
      'fields[0]': 'updatedAt',
      'filters[id][$gt]': '4711',
      'pagination[pageSize]': '1000',
      'pagination[withCount]': 'false',
      sort: 'id:asc',
    });
  });

  it('counts only on the first page, and leaves the caller its filters', () => {
    const filters = new URLSearchParams({ 'filters[roles][documentId][$eq]': 'r1' });
    expect(keysetPageQuery(filters, 0, 250).get('pagination[withCount]')).toBe('true');
    expect([...filters.keys()]).toEqual(['filters[roles][documentId][$eq]']);
  });
});

describe('documentIdFilters', () => {
  it('splits the ids into one $in filter per request of as many ids as one may name', () => {
    const ids = Array.from({ length: 230 }, (_, i) => `doc${i}`);
    const queries = documentIdFilters(ids);
    expect(queries.map((q) => [...q.keys()].length)).toEqual([100, 100, 30]);
    expect(queries[2]!.get('filters[documentId][$in][0]')).toBe('doc200');
    expect(queries[2]!.get('filters[documentId][$in][29]')).toBe('doc229');
    expect(documentIdFilters([])).toEqual([]);
  });
});
