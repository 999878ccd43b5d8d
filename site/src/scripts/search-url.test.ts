import { describe, expect, it } from 'vitest';
import { FACETS } from '@stackguide/contracts/search-index';
import { hasCriteria, hasFilters, isFacet, MAX_PAGE, parseState, sameState, stateToSearch, toggleFacet } from './search-url.ts';

describe('search state in the URL', () => {
  it('round-trips text and repeated facets', () => {
    const state = { q: 'rest api & "json"', page: 3, roles: ['frontend-developer', 'backend-developer'], skills: ['C#', 'Node.js'] };
    const search = stateToSearch(state);
    expect(search).toBe('?q=rest+api+%26+%22json%22&role=backend-developer&role=frontend-developer&skill=C%23&skill=Node.js&page=3');
    expect(sameState(parseState(search), state)).toBe(true);
    expect(parseState(search).q).toBe(state.q);
  });

  it('empty state has no query string and asks for nothing', () => {
    const empty = parseState('');
    expect(empty).toEqual({ q: '', page: 1, roles: [], skills: [] });
    expect(stateToSearch(empty)).toBe('');
    expect(stateToSearch({ ...empty, q: '   ' })).toBe('');
    expect(hasCriteria(empty)).toBe(false);
    expect(hasCriteria({ ...empty, skills: ['Go'] })).toBe(true);
  });

  it('ignores blank and duplicate facet values', () => {
    expect(parseState('?role=a&role=a&role=&skill=%20')).toEqual({ q: '', page: 1, roles: ['a'], skills: [] });
  });

  it('reads a page out of range, or not a number, as the nearest page there is', () => {
    expect(parseState('?q=x&page=0').page).toBe(1);
    expect(parseState('?q=x&page=abc').page).toBe(1);
    expect(parseState('?q=x&page=2.7').page).toBe(2);
    expect(parseState('?q=x&page=99999').page).toBe(MAX_PAGE);
    expect(stateToSearch(parseState('?q=x&page=1'))).toBe('?q=x');
  });

  it('toggles a facet value on and off without touching the rest, back on the first page', () => {
    const on = toggleFacet({ q: 'x', page: 4, roles: ['a'], skills: [] }, 'skills', 'Go');
    expect(on).toEqual({ q: 'x', page: 1, roles: ['a'], skills: ['Go'] });
    expect(toggleFacet(on, 'roles', 'a')).toEqual({ q: 'x', page: 1, roles: [], skills: ['Go'] });
  });

  it('knows the contract’s facets and only those', () => {
    expect(FACETS.every(isFacet)).toBe(true);
    expect(isFacet('roleNames')).toBe(false);
    expect(isFacet(undefined)).toBe(false);
    expect(hasFilters(parseState('?q=go'))).toBe(false);
    expect(hasFilters(parseState('?q=go&skill=Go'))).toBe(true);
  });
});
