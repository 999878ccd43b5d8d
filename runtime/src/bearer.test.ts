import { describe, expect, it } from 'vitest';
import { bearerMatches } from './bearer.ts';

const SECRET = 'a-secret-of-some-length';

describe('bearerMatches', () => {
  it('accepts exactly `Bearer <secret>`', () => {
    expect(bearerMatches(`Bearer ${SECRET}`, SECRET)).toBe(true);
    expect(bearerMatches(`Bearer ${SECRET}x`, SECRET)).toBe(false);
    expect(bearerMatches(SECRET, SECRET)).toBe(false);
    expect(bearerMatches('Bearer ', '')).toBe(false);
    expect(bearerMatches(undefined, SECRET)).toBe(false);
  });
});
