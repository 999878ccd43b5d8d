import { describe, expect, it } from 'vitest';
import { nearest, unitRows } from './nearest.ts';

const rows = (dimensions: number, ...values: number[]) => ({ dimensions, values: Float32Array.from(values) });

describe('unitRows', () => {
  it('scales each row to length 1 and leaves a zero row zero', () => {
    const { values } = unitRows(rows(2, 3, 4, 0, 0));
    expect([...values].map((v) => Number(v.toFixed(6)))).toEqual([0.6, 0.8, 0, 0]);
  });
});

describe('nearest', () => {
  const docs = unitRows(rows(2, 1, 0, 0, 1, 1, 1, -1, 0));

  it('ranks documents by cosine, not by length', () => {
    const queries = unitRows(rows(2, 10, 1, 0, 5));
    expect(nearest(queries, 0, docs, 4)).toEqual([0, 2, 1, 3]);
    expect(nearest(queries, 1, docs, 2)).toEqual([1, 2]);
  });

  it('keeps document order between equals', () => {
    const same = unitRows(rows(2, 1, 1, 2, 2, 3, 3));
    expect(nearest(unitRows(rows(2, 1, 1)), 0, same, 3)).toEqual([0, 1, 2]);
  });

  it('refuses vectors of another length', () => {
    expect(() => nearest(unitRows(rows(3, 1, 0, 0)), 0, docs, 1)).toThrow(/3 dimensions, documents 2/);
  });
});
