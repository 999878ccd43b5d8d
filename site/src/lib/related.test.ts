import { describe, expect, it } from 'vitest';
import { outranks, relatedFinder, type Relatable, tieOrder } from './related.ts';

const article = (id: string, skills: string[]): Relatable => ({ documentId: id, skills: skills.map((documentId) => ({ documentId })) });

/** The definition, written the slow and obvious way. */
function reference(target: Relatable, all: Relatable[], count: number): Relatable[] {
  const mine = new Set(target.skills.map((s) => s.documentId));
  return all
    .map((a) => ({
      a,
      shared: new Set(a.skills.map((s) => s.documentId).filter((id) => mine.has(id))).size,
      tie: tieOrder(target.documentId, a.documentId),
    }))
    .filter((x) => x.a.documentId !== target.documentId && x.shared > 0)
    .sort((x, y) => y.shared - x.shared || x.tie - y.tie || (x.a.documentId < y.a.documentId ? -1 : 1))
    .slice(0, count)
    .map((x) => x.a);
}

/** `n` articles of 1–5 skills out of 12, from a fixed seed: many ties. */
function randomArticles(n: number, prefix = 'doc'): Relatable[] {
  let seed = 7;
  const next = (k: number) => {
    seed = (seed * 16_807) % 2_147_483_647;
    return seed % k;
  };
  return Array.from({ length: n }, (_, i) =>
    article(
      `${prefix}${i}`,
      Array.from({ length: 1 + next(5) }, () => `skill${next(12)}`),
    ),
  );
}

const ids = (list: Relatable[]) => list.map((a) => a.documentId);

describe('relatedFinder', () => {
  it('ranks by shared skills first, and leaves out the article itself and articles sharing nothing', () => {
    const all = [
      article('a', ['pg', 'docker', 'http']),
      article('b', ['pg']),
      article('c', ['pg', 'docker']),
      article('d', ['css']),
      article('e', ['http']),
    ];
    const related = relatedFinder(all, 3);
    expect(ids(related(all[0]!))[0]).toBe('c');
    expect(ids(related(all[0]!)).slice(1).sort()).toEqual(['b', 'e']);
    expect(related(all[3]!)).toEqual([]);
    expect(ids(relatedFinder(all, 1)(all[4]!))).toEqual(['a']);
    expect(ids(related(all[1]!)).sort()).toEqual(['a', 'c']);
  });

  it('agrees with the definition on 400 random articles, ties and duplicate skills included, in any input order', () => {
    const all = randomArticles(400);
    const related = relatedFinder(all, 3);
    const reversed = relatedFinder([...all].reverse(), 3);
    for (const a of all) {
      expect(related(a)).toEqual(reference(a, all, 3));
      expect(reversed(a)).toEqual(related(a));
    }
  });

  it('spreads related lists over the site instead of pointing every article at the same few', () => {
    const all = randomArticles(400);
    const related = relatedFinder(all, 3);
    const named = new Map<string, number>();
    for (const a of all) for (const r of related(a)) named.set(r.documentId, (named.get(r.documentId) ?? 0) + 1);
    // With ties broken by one global order, a dozen articles took nearly all the entries.
    expect(named.size).toBeGreaterThan(all.length / 2);
    expect(Math.max(...named.values())).toBeLessThan(20);
  });

  it('changes, when an article is added, only the lists it wins a place in, and those by one entry', () => {
    const all = randomArticles(400);
    const before = relatedFinder(all, 3);
    let entered = 0;
    for (const added of randomArticles(20, 'new')) {
      const after = relatedFinder([added, ...all], 3);
      for (const a of all) {
        const now = ids(after(a));
        if (now.includes(added.documentId)) {
          entered++;
          expect(now.filter((id) => id !== added.documentId)).toEqual(ids(before(a)).slice(0, 2));
        } else expect(now).toEqual(ids(before(a)));
      }
    }
    // About 3 lists per added article (each list has 3 places, each article fills ~3 on average).
    expect(entered / 20).toBeLessThan(10);
    expect(entered).toBeGreaterThan(0);
  });

  it('orders any two candidates as the lists do, one pair at a time', () => {
    const all = randomArticles(120);
    for (const a of all.slice(0, 30)) {
      const list = reference(a, all, all.length);
      for (let i = 0; i + 1 < list.length; i++) {
        expect(outranks(a, list[i]!, list[i + 1]!)).toBe(true);
        expect(outranks(a, list[i + 1]!, list[i]!)).toBe(false);
      }
    }
  });
});
