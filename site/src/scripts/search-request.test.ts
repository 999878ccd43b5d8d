import { INDEX_UID, PAGES_INDEX_UID, SALARIES_INDEX_UID } from '@stackguide/contracts/search-index';
import { SEARCH_SECTIONS } from '@stackguide/contracts/search-queries';
import { describe, expect, it } from 'vitest';
import { salaryHit } from './salary-hit.fixture.ts';
import { buildFilter, mergeAnswers, searchQueries, sectionQuery, withSections } from './search-request.ts';

const state = (q: string) => ({ q, page: 1, roles: [], skills: [] });

describe('results first, sections right after', () => {
  const chosen = { q: 'docker', page: 2, roles: ['backend-developer'], skills: [] };

  it('builds no filter without facets and highlights the cropped content too', () => {
    expect(buildFilter(state('x'))).toEqual([]);
    expect(searchQueries(state('x'), 3)[0]!.attributesToHighlight).toContain('content');
  });

  it('the results query formats no section; the section query asks the same hits for ids and formatted sections only', () => {
    const [results] = searchQueries(chosen, 10, 10);
    expect(JSON.stringify([results!.attributesToRetrieve, results!.attributesToHighlight, results!.attributesToCrop])).not.toContain(
      'sections',
    );
    expect(sectionQuery(chosen, 10, 10)).toEqual({
      ...SEARCH_SECTIONS,
      indexUid: INDEX_UID,
      q: 'docker',
      filter: [['roles = "backend-developer"']],
      limit: 10,
      offset: 10,
      facets: [],
    });
    expect(SEARCH_SECTIONS.attributesToRetrieve).toEqual(['id', 'sections.id']);
    expect(SEARCH_SECTIONS.attributesToHighlight).toEqual(['sections.heading', 'sections.text']);
  });

  it('merges each hit’s formatted sections into the painted hit of the same id, keeping order and its own formatting', () => {
    const painted = [
      { id: 'a', url: '/articles/a/', _formatted: { title: 'A', content: 'c' } },
      { id: 'b', url: '/articles/b/', _formatted: { title: 'B' } },
    ];
    const merged = withSections(painted, [{ id: 'b', _formatted: { sections: [{ id: 's', heading: 'S', text: 't' }] } }]);
    expect(merged).toEqual([
      painted[0],
      { id: 'b', url: '/articles/b/', _formatted: { title: 'B', sections: [{ id: 's', heading: 'S', text: 't' }] } },
    ]);
    expect(merged[0]).toBe(painted[0]);
  });
});

describe('facet counts for combinable filters', () => {
  const chosen = { q: 'go', page: 1, roles: ['backend-developer'], skills: ['Go', 'A"B'] };

  it('ORs values within a facet, ANDs facets, and counts each chosen facet without its own filter', () => {
    const [main, roles, skills] = searchQueries(chosen, 20);
    expect(main).toMatchObject({ limit: 20, filter: [['roles = "backend-developer"'], ['skills = "Go"', 'skills = "A\\"B"']] });
    expect(roles).toMatchObject({ limit: 0, facets: ['roles'], filter: [['skills = "Go"', 'skills = "A\\"B"']] });
    expect(skills).toMatchObject({ limit: 0, facets: ['skills'], filter: [['roles = "backend-developer"']] });
  });

  it('takes hits from the first answer and each facet from its own query', () => {
    const merged = mergeAnswers([
      {
        indexUid: INDEX_UID,
        hits: [{ title: 'a' }],
        estimatedTotalHits: 1,
        processingTimeMs: 1,
        facetDistribution: { roles: { b: 1 }, skills: { Go: 1 } },
      },
      { indexUid: INDEX_UID, hits: [], processingTimeMs: 4, facetDistribution: { roles: { b: 1, f: 3 } } },
    ]);
    expect(merged).toEqual({
      hits: [{ title: 'a' }],
      pages: 0,
      total: 1,
      ms: 4,
      facets: { roles: { b: 1, f: 3 }, skills: { Go: 1 } },
      answer: null,
    });
    expect(mergeAnswers([])).toEqual({ hits: [], pages: 0, total: 0, ms: 0, facets: {}, answer: null });
  });

  it('asks for pages and the salary answer on the first page of a query without filters only', () => {
    const indexes = (queries: Record<string, unknown>[]) => queries.map((q) => q.indexUid);
    expect(indexes(searchQueries(state('backend salary'), 10))).toEqual([INDEX_UID, PAGES_INDEX_UID, SALARIES_INDEX_UID]);
    expect(indexes(searchQueries(state('backend salary'), 10, 10))).toEqual([INDEX_UID]);
    expect(indexes(searchQueries(chosen, 10))).toEqual([INDEX_UID, INDEX_UID, INDEX_UID]);
    expect(indexes(searchQueries(state('  '), 10))).toEqual([INDEX_UID]);
  });
});

describe('role and skill pages among the articles', () => {
  const hit = (id: string, score: number) => ({ id, _rankingScore: score });

  it('counts the pages among the results and reads the salary answer from its own query', () => {
    const merged = mergeAnswers([
      { indexUid: INDEX_UID, hits: [hit('a1', 0.8)], estimatedTotalHits: 12 },
      { indexUid: PAGES_INDEX_UID, hits: [{ ...hit('role-r1', 0.9), type: 'role' }] },
      { indexUid: SALARIES_INDEX_UID, hits: [salaryHit()] },
    ]);
    expect(merged.hits.map((h) => h.id)).toEqual(['role-r1', 'a1']);
    expect({ pages: merged.pages, total: merged.total }).toEqual({ pages: 1, total: 13 });
    expect(merged.answer).toMatchObject({ role: 'Backend developer', bands: [{ region: 'Germany', min: 2700, max: 3500 }] });
  });
});
