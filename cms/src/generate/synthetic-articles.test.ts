import { describe, expect, it } from 'vitest';
import { GENERATED_PREFIX, syntheticArticles } from './synthetic-articles';

const refs = {
  roles: [
    { slug: 'backend-developer', name: 'Backend developer' },
    { slug: 'frontend-developer', name: 'Frontend developer' },
  ],
  skills: [
    { slug: 'php', name: 'PHP' },
    { slug: 'redis', name: 'Redis' },
    { slug: 'rest', name: 'REST' },
  ],
};

describe('syntheticArticles', () => {
  it('makes unique, marked slugs and bodies between 300 and about 1,500 words', () => {
    const articles = [...syntheticArticles(300, refs)];
    expect(new Set(articles.map((a) => a.slug)).size).toBe(300);
    expect(articles.every((a) => a.slug.startsWith(GENERATED_PREFIX))).toBe(true);
    const counts = articles.map((a) => a.wordCount);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(300);
    expect(Math.max(...counts)).toBeLessThan(1_600);
    expect(Math.max(...counts) - Math.min(...counts)).toBeGreaterThan(800);
    expect(articles.every((a) => a.excerpt.length <= 300 && a.title.length <= 120)).toBe(true);
  });

  it('is deterministic for a seed and continues numbering from an offset', () => {
    const a = [...syntheticArticles(5, refs, { seed: 7 })];
    const b = [...syntheticArticles(5, refs, { seed: 7 })];
    expect(a).toEqual(b);
    const later = [...syntheticArticles(1, refs, { seed: 7, offset: 5 })];
    expect(later[0]!.slug.startsWith(`${GENERATED_PREFIX}6-`)).toBe(true);
  });

  it('links each article to existing roles and two different skills', () => {
    for (const article of syntheticArticles(50, refs)) {
      expect(refs.roles.map((r) => r.slug)).toEqual(expect.arrayContaining(article.roles));
      expect(new Set(article.skills).size).toBe(2);
    }
  });
});
