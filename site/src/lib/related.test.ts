import { describe, expect, it } from 'vitest';
import { relatedFinder, type Relatable } from './related.ts';

const article = (id: string, day: number, skills: string[]): Relatable => ({
  documentId: id,
  publishedAt: new Date(Date.UTC(2026, 0, day)),
  skills: skills.map((documentId) => ({ documentId })),
});

/** The definition, written the slow and obvious way. */
function reference(target: Relatable, all: Relatable[], count: number): Relatable[] {
  const mine = new Set(target.skills.map((s) => s.documentId));
  return all
    .map((a, index) => ({ a, index, shared: new Set(a.skills.map((s) => s.documentId).filter((id) => mine.has(id))).size }))
    .filter((x) => x.a.documentId !== target.documentId && x.shared > 0)
    .sort((x, y) => y.shared - x.shared || y.a.publishedAt.getTime() - x.a.publishedAt.getTime() || x.index - y.index)
    .slice(0, count)
    .map((x) => x.a);
}

describe('relatedFinder', () => {
  it('ranks by shared skills, then newest, and leaves out the article itself and articles sharing nothing', () => {
    const all = [
      article('a', 1, ['pg', 'docker', 'http']),
      article('b', 2, ['pg']),
      article('c', 3, ['pg', 'docker']),
      article('d', 4, ['css']),
      article('e', 5, ['http']),
    ];
    const related = relatedFinder(all, 3);
    expect(related(all[0]!).map((a) => a.documentId)).toEqual(['c', 'e', 'b']);
    expect(related(all[3]!)).toEqual([]);
    expect(relatedFinder(all, 1)(all[1]!).map((a) => a.documentId)).toEqual(['c']);
  });

  it('agrees with the definition on 400 random articles, ties and duplicate skills included', () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 16_807) % 2_147_483_647;
      return seed % n;
    };
    const all = Array.from({ length: 400 }, (_, i) =>
      article(`doc${i}`, 1 + next(40), Array.from({ length: 1 + next(5) }, () => `skill${next(12)}`)),
    );
    const related = relatedFinder(all, 3);
    for (const a of all) expect(related(a)).toEqual(reference(a, all, 3));
  });
});
