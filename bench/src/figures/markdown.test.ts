import { describe, expect, it } from 'vitest';
import { markdownTable } from './markdown.ts';

describe('markdownTable', () => {
  it('writes a header, right-aligns figure columns and does not pad', () => {
    expect(
      markdownTable(
        [{ header: 'system' }, { header: 'p95 ms', figures: true }],
        [
          ['ours', '162'],
          ['plugin', '1,161'],
        ],
      ),
    ).toBe(['| system | p95 ms |', '|---|--:|', '| ours | 162 |', '| plugin | 1,161 |'].join('\n'));
  });
  it('keeps a cell holding "|" or a line break inside its column', () => {
    expect(markdownTable([{ header: 'note' }], [['a | b\n  c']]).split('\n')[2]).toBe('| a \\| b c |');
  });
  it('refuses a row that does not fit the columns, naming them', () => {
    expect(() => markdownTable([{ header: 'a' }, { header: 'b' }], [['1']])).toThrow(/row 1 has 1 cells for 2 columns \(a, b\)/);
  });
});
