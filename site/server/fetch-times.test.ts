import { describe, expect, it } from 'vitest';
import { covers, recordFetches } from './fetch-times.ts';

const article = (documentId: string) => ({ kind: 'article' as const, documentId });

describe('recordFetches and covers', () => {
  const first = recordFetches(null, [article('a')], false, 100);

  it('counts a first build as fetching everything', () => {
    expect(covers(first, 100, null)).toBe(true);
    expect(covers(first, 101, [article('a')])).toBe(false);
  });

  it('covers a change to a document an incremental build fetched after it, and nothing else', () => {
    const next = recordFetches(first, [article('a')], false, 200);
    expect(covers(next, 150, [article('a')])).toBe(true);
    expect(covers(next, 150, [article('a'), article('b')])).toBe(false);
    expect(covers(next, 150, null)).toBe(false);
    expect(covers(next, 201, [article('a')])).toBe(false);
  });

  it('keeps what earlier incremental builds fetched until one fetches everything', () => {
    const a = recordFetches(first, [article('a')], false, 200);
    const b = recordFetches(a, [article('b')], false, 300);
    expect(covers(b, 150, [article('a'), article('b')])).toBe(true);
    expect(covers(recordFetches(b, null, false, 400), 350, [article('c')])).toBe(true);
    expect(covers(recordFetches(b, [article('c')], true, 400), 350, null)).toBe(true);
  });
});
