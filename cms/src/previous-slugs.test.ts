import { describe, expect, it } from 'vitest';
import { nextPreviousSlugs } from './previous-slugs';

const at = (day: number) => new Date(Date.UTC(2030, 0, day));
const entry = (slug: string, day: number) => ({ slug, until: at(day).toISOString() });

describe('nextPreviousSlugs', () => {
  it('records the slug a publish left, and keeps every earlier one: a chain stays a list', () => {
    const first = nextPreviousSlugs(null, 'a', 'b', at(1));
    expect(first).toEqual([entry('a', 1)]);
    expect(nextPreviousSlugs(first, 'b', 'c', at(2))).toEqual([entry('a', 1), entry('b', 2)]);
  });

  it('changes nothing when the slug stayed, and never lists the live slug', () => {
    expect(nextPreviousSlugs([entry('a', 1)], 'b', 'b', at(2))).toEqual([entry('a', 1)]);
    expect(nextPreviousSlugs([entry('a', 1), entry('b', 2)], 'c', 'a', at(3))).toEqual([entry('b', 2), entry('c', 3)]);
  });

  it('records the slug an unpublish took down, and drops it when the article is live there again', () => {
    const down = nextPreviousSlugs([], 'a', null, at(1));
    expect(down).toEqual([entry('a', 1)]);
    expect(nextPreviousSlugs(down, null, 'b', at(2))).toEqual([entry('a', 1)]);
    expect(nextPreviousSlugs(down, null, 'a', at(2))).toEqual([]);
  });

  it('moves a slug left again to the end with its new time', () => {
    expect(nextPreviousSlugs([entry('a', 1), entry('b', 2)], 'a', 'c', at(3))).toEqual([entry('b', 2), entry('a', 3)]);
  });

  it('ignores stored values that are not entries', () => {
    expect(nextPreviousSlugs('a,b', 'c', 'd', at(1))).toEqual([entry('c', 1)]);
    expect(nextPreviousSlugs([{ slug: '' }, 7, null, entry('x', 1)], null, 'd', at(2))).toEqual([entry('x', 1)]);
  });
});
