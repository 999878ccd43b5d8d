import { describe, expect, it } from 'vitest';
import { normaliseQuery } from './analytics-query.ts';

describe('normaliseQuery', () => {
  it('counts spellings that differ only in case, width and spacing as one query', () => {
    expect(normaliseQuery('  Backend\tSALARY ')).toBe('backend salary');
    expect(normaliseQuery('ｒｅａｃｔ')).toBe('react');
    expect(normaliseQuery('a\u0000b')).toBe('a b');
  });

  it('drops what looks like an email address or a long number', () => {
    for (const q of ['mail jane.doe@example.com', 'x@y.io', '+49 170 1234567', '4111 1111 1111 1111', 'id 123456', '12-34-56'])
      expect(normaliseQuery(q), q).toBeNull();
    for (const q of ['salary 2026', 'c# @ work', 'top 10000', 'node 20.20']) expect(normaliseQuery(q), q).not.toBeNull();
  });

  it('drops empty and overlong queries', () => {
    expect(normaliseQuery('   ')).toBeNull();
    expect(normaliseQuery('a'.repeat(201))).toBeNull();
    expect(normaliseQuery('a'.repeat(200))).toHaveLength(200);
  });
});
