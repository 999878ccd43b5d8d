import { describe, expect, it } from 'vitest';
import type { Block } from '@stackguide/contracts/blocks';
import { readingMinutes, wordCount, WORDS_PER_MINUTE } from './reading-time.ts';

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

describe('wordCount', () => {
  it('counts what splitting on \\s counts, for every kind of space', () => {
    const spaces = [
      ' ',
      '\t',
      '\n',
      '\r',
      '\v',
      '\f',
      '\u00a0',
      '\u1680',
      '\u2000',
      '\u2005',
      '\u200a',
      '\u2028',
      '\u2029',
      '\u202f',
      '\u205f',
      '\u3000',
      '\ufeff',
    ];
    const notSpaces = ['a', 'é', '\u200b', '\u180e', '-', '😀'];
    const split = (text: string) => text.split(/\s+/).filter(Boolean).length;
    let seed = 7;
    const pick = <T>(list: T[]) => {
      seed = (seed * 48271) % 2147483647;
      return list[seed % list.length]!;
    };
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: n % 40 }, () => pick([...spaces, ...notSpaces, ...notSpaces])).join('');
      expect(wordCount(text), JSON.stringify(text)).toBe(split(text));
    }
    expect(wordCount('  two\u00a0 words ')).toBe(2);
    expect(wordCount('')).toBe(0);
  });
});
