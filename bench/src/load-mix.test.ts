import { describe, expect, it } from 'vitest';
import { beaconBody, clientAddress, pageKind, searchBodies } from './load-mix.ts';

describe('load mix', () => {
  it('sorts site paths into the kinds of page a visitor opens, leaving the rest out', () => {
    expect(pageKind('/')).toBe('home');
    expect(pageKind('/articles/')).toBe('list');
    expect(pageKind('/articles/3/')).toBe('list');
    expect(pageKind('/roles/backend-developer/articles/2/')).toBe('list');
    expect(pageKind('/skills/sql/articles/')).toBe('list');
    expect(pageKind('/roles/backend-developer/')).toBe('role');
    expect(pageKind('/articles/what-a-backend-developer-does/')).toBe('article');
    expect(pageKind('/skills/sql/')).toBeNull();
    expect(pageKind('/compare/')).toBeNull();
    expect(pageKind('/search/')).toBeNull();
  });

  it('sends the search page’s multi-search body: articles with facets, role and skill pages and salary bands, a count-only query when a role is ticked', () => {
    const bodies = searchBodies(['sql', 'react', 'go'], ['backend-developer']).map((b) => JSON.parse(b).queries);
    expect(bodies.map((queries: { indexUid: string }[]) => queries.map((query) => query.indexUid))).toEqual([
      ['articles', 'pages', 'salaries'],
      ['articles', 'pages', 'salaries'],
      ['articles', 'articles'],
    ]);
    expect(bodies[0][0]).toMatchObject({ indexUid: 'articles', q: 'sql', limit: 10 });
    expect(bodies[2][1]).toMatchObject({ q: 'go', limit: 0, facets: ['roles'] });
    expect(JSON.stringify(bodies[2][0].filter)).toContain('backend-developer');
  });

  it('spreads beacons over distinct documentation-range addresses, each the same for every n-th beacon', () => {
    const addresses = Array.from({ length: 400 }, (_, n) => clientAddress(n, 200));
    expect(new Set(addresses).size).toBe(200);
    expect(addresses[0]).toBe(addresses[200]);
    for (const a of addresses) expect(a).toMatch(/^(198\.51\.100|203\.0\.113)\.(\d+)$/);
    expect(JSON.parse(beaconBody('sql', 7))).toEqual({ type: 'search', q: 'sql', results: 7 });
  });
});
