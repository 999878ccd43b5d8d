import { describe, expect, it } from 'vitest';
import type { Block } from '@stackguide/contracts/blocks';
import { blocksText, inlineText } from './blocks-text.ts';

const text = (value: string) => ({ type: 'text' as const, text: value });

const body: Block[] = [
  { type: 'heading', level: 2, children: [text('Why  Postgres')] },
  {
    type: 'paragraph',
    children: [
      text('Use '),
      { type: 'text', text: 'indexes', bold: true },
      text(' and read '),
      { type: 'link', url: 'https://x.test', children: [text('the docs')] },
      text('.'),
    ],
  },
  {
    type: 'list',
    format: 'unordered',
    children: [
      { type: 'list-item', children: [text('one')] },
      { type: 'list', format: 'ordered', children: [{ type: 'list-item', children: [text('nested')] }] },
    ],
  },
  { type: 'quote', children: [text('Measure first.')] },
  { type: 'code', language: 'sql', children: [text('SELECT 1;')] },
  {
    type: 'image',
    image: { url: '/uploads/a.png', alternativeText: 'A diagram', width: 10, height: 10 },
    children: [{ type: 'text', text: '' }],
  },
  { type: 'image', image: { url: '/uploads/b.png', alternativeText: null, width: null, height: null } },
  { type: 'paragraph', children: [text('   ')] },
];

describe('blocksText', () => {
  it('keeps the text of every block kind, one line each, links, nested lists and alt text included', () => {
    expect(blocksText(body)).toBe(
      ['Why Postgres', 'Use indexes and read the docs.', 'one', 'nested', 'Measure first.', 'SELECT 1;', 'A diagram'].join('\n'),
    );
  });

  it('collapses runs of spaces and tabs to one space, a lone tab too, and leaves other spaces alone', () => {
    const line = (value: string) => blocksText([{ type: 'paragraph', children: [text(value)] }]);
    expect(line('\ta  b\t\tc \t d\te f ')).toBe('a b c d e f');
    expect(line('no\u00a0break')).toBe('no\u00a0break');
  });

  it('tolerates missing bodies and block types a later Strapi may add', () => {
    expect(blocksText(null)).toBe('');
    expect(blocksText(undefined)).toBe('');
    expect(blocksText([{ type: 'future-block', children: [text('kept')] } as unknown as Block])).toBe('kept');
    expect(blocksText([{ type: 'image' } as unknown as Block])).toBe('');
  });
});

describe('inlineText', () => {
  it('joins text and link text without adding spaces', () => {
    expect(inlineText([text('a'), { type: 'link', url: '/x/', children: [text('b'), text('c')] }, text('d')])).toBe('abcd');
    expect(inlineText(undefined)).toBe('');
  });
});
