import { describe, expect, it } from 'vitest';
import { fmt, renderTable } from './table.ts';

describe('fmt', () => {
  it('keeps integers, rounds others, dashes missing values', () => {
    expect(fmt(12)).toBe('12');
    expect(fmt(1.234, 2)).toBe('1.23');
    expect(fmt(NaN)).toBe('–');
    expect(fmt(undefined)).toBe('–');
    expect(fmt('ours')).toBe('ours');
  });
});

describe('renderTable', () => {
  it('pads columns and right-aligns numeric ones', () => {
    const out = renderTable(
      ['system', 'p50 ms'],
      [
        ['ours', 12.5],
        ['plugin', 130],
      ],
    ).split('\n');
    expect(out).toEqual(['| system | p50 ms |', '|--------|-------:|', '| ours   |   12.5 |', '| plugin |    130 |']);
  });
  it('renders a header-only table when there are no rows', () => {
    expect(renderTable(['a'], []).split('\n')).toHaveLength(2);
  });
});
