import { describe, expect, it } from 'vitest';
import type { Block } from './blocks.ts';
import { readingMinutes, WORDS_PER_MINUTE } from './reading-time.ts';

const paragraph = (words: number): Block => ({ type: 'paragraph', children: [{ type: 'text', text: 'word '.repeat(words) }] });

describe('readingMinutes', () => {
  it('reads about 220 words per minute, rounded, at least one', () => {
    expect(WORDS_PER_MINUTE).toBe(220);
    expect(readingMinutes([paragraph(3)])).toBe(1);
    expect(readingMinutes([])).toBe(1);
    expect(readingMinutes(null)).toBe(1);
    expect(readingMinutes([paragraph(1100)])).toBe(5);
    expect(readingMinutes([paragraph(550), paragraph(550)])).toBe(5);
    expect(readingMinutes([paragraph(329)])).toBe(1);
    expect(readingMinutes([paragraph(331)])).toBe(2);
  });

  it('counts image alternative text as part of the body', () => {
    const image: Block = { type: 'image', image: { url: '/a.png', alternativeText: 'two words', width: null, height: null } };
    expect(readingMinutes([paragraph(329), image])).toBe(2);
  });
});
