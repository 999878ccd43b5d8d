import { describe, expect, it } from 'vitest';
import { slugProblem } from './article-validation';

describe('slugProblem', () => {
  it('refuses slugs of digits only, which are pages of the article list', () => {
    expect(slugProblem('2')).toMatch(/only digits/);
    expect(slugProblem('2024')).toContain('"article-2024"');
  });

  it('accepts slugs with a word in them', () => {
    expect(slugProblem('2024-salaries')).toBeNull();
    expect(slugProblem('what-a-backend-developer-does')).toBeNull();
    expect(slugProblem('h2')).toBeNull();
  });
});
