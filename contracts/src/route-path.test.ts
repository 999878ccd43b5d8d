import { describe, expect, it } from 'vitest';
import { fillPath, pathPattern } from './route-path.ts';

describe('route templates', () => {
  it('fill in an encoded id, and match exactly the paths they make', () => {
    const template = '/admin/dead-letters/:id/retry';
    const filled = fillPath(template, 'article:a b/c');
    expect(filled).toBe('/admin/dead-letters/article%3Aa%20b%2Fc/retry');
    expect(decodeURIComponent(pathPattern(template).exec(filled)?.[1] ?? '')).toBe('article:a b/c');
    expect(pathPattern(template).test('/admin/dead-letters/x')).toBe(false);
    expect(pathPattern(template).test('/admin/dead-letters/x/retry/more')).toBe(false);
    expect(pathPattern('/__status').test('/__status')).toBe(true);
  });
});
