import { describe, expect, it } from 'vitest';
import { at, listAt, numberAt, stringAt } from './json.ts';

const doc = { ours: { p95: 162.5, label: 'ours', nan: null }, rows: [{ p50: 3 }] };

describe('reading figures from a results file', () => {
  it('follows a path through objects and arrays', () => {
    expect(at(doc, 'rows', 0, 'p50')).toBe(3);
    expect(numberAt(doc, 'ours', 'p95')).toBe(162.5);
    expect(stringAt(doc, 'ours', 'label')).toBe('ours');
    expect(listAt(doc, 'rows')).toHaveLength(1);
  });
  it('answers undefined for a field an older file lacks, or one of another type', () => {
    expect(numberAt(doc, 'plugin', 'p95')).toBeUndefined();
    expect(numberAt(doc, 'ours', 'label')).toBeUndefined();
    expect(stringAt(doc, 'ours', 'p95')).toBeUndefined();
    expect(at(doc, 'ours', 'p95', 'deeper')).toBeUndefined();
    expect(listAt(doc, 'ours')).toEqual([]);
  });
  it('takes NaN written as null for a missing figure', () => {
    expect(numberAt(doc, 'ours', 'nan')).toBeUndefined();
  });
});
