import { describe, expect, it } from 'vitest';
import { nextActive } from './combobox.ts';

describe('combobox navigation keys', () => {
  it('Down and Up move through the options and wrap', () => {
    expect(nextActive('ArrowDown', -1, 3)).toBe(0);
    expect(nextActive('ArrowDown', 0, 3)).toBe(1);
    expect(nextActive('ArrowDown', 2, 3)).toBe(0);
    expect(nextActive('ArrowUp', -1, 3)).toBe(2);
    expect(nextActive('ArrowUp', 1, 3)).toBe(0);
    expect(nextActive('ArrowUp', 0, 3)).toBe(2);
  });

  it('Home and End jump only once an option is active, so they still move the caret while typing', () => {
    expect(nextActive('Home', 2, 3)).toBe(0);
    expect(nextActive('End', 0, 3)).toBe(2);
    expect(nextActive('Home', -1, 3)).toBeNull();
    expect(nextActive('End', -1, 3)).toBeNull();
  });

  it('ignores other keys and empty lists', () => {
    expect(nextActive('a', 0, 3)).toBeNull();
    expect(nextActive('Enter', 0, 3)).toBeNull();
    expect(nextActive('ArrowDown', -1, 0)).toBeNull();
  });
});
