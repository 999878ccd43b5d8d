import { describe, expect, it } from 'vitest';
import type { Block } from '@stackguide/contracts/blocks';
import { collectHeadings, slugify } from './headings.ts';

const heading = (level: 1 | 2 | 3, value: string): Block => ({ type: 'heading', level, children: [{ type: 'text', text: value }] });

describe('slugify', () => {
  it('keeps ASCII letters and digits joined by single hyphens', () => {
    expect(slugify('Why Go? Really!')).toBe('why-go-really');
    expect(slugify('  C++ & Rust: 2024 ')).toBe('c-rust-2024');
    expect(slugify('Crème brûlée')).toBe('creme-brulee');
  });

  it('falls back to "section" when nothing is left', () => {
    expect(slugify('?!')).toBe('section');
    expect(slugify('日本語')).toBe('section');
  });
});

describe('collectHeadings', () => {
  it('gives every heading a unique id and remembers which block it is', () => {
    const body: Block[] = [
      heading(2, 'Setup'),
      { type: 'paragraph', children: [{ type: 'text', text: 'text' }] },
      {
        type: 'heading',
        level: 3,
        children: [
          { type: 'text', text: 'Set' },
          { type: 'link', url: '/x/', children: [{ type: 'text', text: 'up' }] },
        ],
      },
      heading(2, 'Setup'),
    ];
    expect(collectHeadings(body)).toEqual([
      { blockIndex: 0, level: 2, text: 'Setup', id: 'setup' },
      { blockIndex: 2, level: 3, text: 'Setup', id: 'setup-2' },
      { blockIndex: 3, level: 2, text: 'Setup', id: 'setup-3' },
    ]);
  });

  it('returns nothing for a body without headings', () => {
    expect(collectHeadings([])).toEqual([]);
    expect(collectHeadings(null)).toEqual([]);
  });
});
