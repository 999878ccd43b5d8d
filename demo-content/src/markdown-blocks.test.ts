import { describe, expect, it } from 'vitest';
import { md, MarkdownBlocksError } from './markdown-blocks.ts';

const t = (text: string, marks: Record<string, boolean> = {}) => ({ type: 'text', text, ...marks });

describe('md blocks', () => {
  it('dedents indented template content and splits paragraphs on blank lines', () => {
    const blocks = md`
      First paragraph
      continues here.

      Second paragraph.
    `;
    expect(blocks).toEqual([
      { type: 'paragraph', children: [t('First paragraph continues here.')] },
      { type: 'paragraph', children: [t('Second paragraph.')] },
    ]);
  });

  it('interpolates template values', () => {
    const role = 'backend';
    expect(md`A ${role} role.`).toEqual([{ type: 'paragraph', children: [t('A backend role.')] }]);
  });

  it('parses level 2 and level 3 headings', () => {
    expect(md('## Big\n\n### Small')).toEqual([
      { type: 'heading', level: 2, children: [t('Big')] },
      { type: 'heading', level: 3, children: [t('Small')] },
    ]);
  });

  it('parses unordered and ordered lists', () => {
    expect(md('- one\n- two\n\n1. first\n2. second')).toEqual([
      {
        type: 'list',
        format: 'unordered',
        children: [
          { type: 'list-item', children: [t('one')] },
          { type: 'list-item', children: [t('two')] },
        ],
      },
      {
        type: 'list',
        format: 'ordered',
        children: [
          { type: 'list-item', children: [t('first')] },
          { type: 'list-item', children: [t('second')] },
        ],
      },
    ]);
  });

  it('joins indented continuation lines into the list item', () => {
    expect(md('1. long\n   item\n2. next')).toEqual([
      {
        type: 'list',
        format: 'ordered',
        children: [
          { type: 'list-item', children: [t('long item')] },
          { type: 'list-item', children: [t('next')] },
        ],
      },
    ]);
  });

  it('ends a paragraph where a list starts', () => {
    expect(md('Intro:\n- item').map((b) => b.type)).toEqual(['paragraph', 'list']);
  });

  it('joins consecutive quote lines into one quote', () => {
    expect(md('> Ship the\n> contract first.')).toEqual([{ type: 'quote', children: [t('Ship the contract first.')] }]);
  });

  it('keeps fenced code verbatim, with and without a language', () => {
    expect(md('```json\n{\n  "a": 1\n}\n```\n\n```\nplain **not bold**\n```')).toEqual([
      { type: 'code', language: 'json', children: [t('{\n  "a": 1\n}')] },
      { type: 'code', children: [t('plain **not bold**')] },
    ]);
  });
});

describe('md inline marks', () => {
  const inline = (src: string) => {
    const [block] = md(src);
    if (block?.type !== 'paragraph') throw new Error('expected a paragraph');
    return block.children;
  };

  it('parses bold, italic and inline code', () => {
    expect(inline('a **b** *c* `d`')).toEqual([
      t('a '),
      t('b', { bold: true }),
      t(' '),
      t('c', { italic: true }),
      t(' '),
      t('d', { code: true }),
    ]);
  });

  it('combines italic inside bold', () => {
    expect(inline('**x *y* z**')).toEqual([t('x ', { bold: true }), t('y', { bold: true, italic: true }), t(' z', { bold: true })]);
  });

  it('parses links', () => {
    expect(inline('See [the role](/roles/backend-developer/).')).toEqual([
      t('See '),
      { type: 'link', url: '/roles/backend-developer/', children: [t('the role')] },
      t('.'),
    ]);
  });

  it('treats backslash-escaped characters literally', () => {
    expect(inline('5 \\* 3 \\[x\\]')).toEqual([t('5 * 3 [x]')]);
  });

  it('leaves markdown inside inline code alone', () => {
    expect(inline('`**x**`')).toEqual([t('**x**', { code: true })]);
  });
});

describe('md errors', () => {
  it.each([
    ['unclosed bold', 'a **b'],
    ['unclosed italic', 'a *b'],
    ['unclosed code', 'a `b'],
    ['malformed link', 'see [x](no close'],
    ['unclosed fence', '```ts\nconst a = 1;'],
    ['level 1 heading', '# Title'],
    ['level 4 heading', '#### Deep'],
    ['nested list', '- a\n  - b'],
    ['unindented list continuation', '- a\ncontinued'],
    ['nested ordered list', '1. a\n   1. b'],
    ['star bullets', '* item'],
    ['horizontal rule', '---'],
    ['empty quote', '>'],
  ])('throws on %s', (_name, src) => {
    expect(() => md(src)).toThrow(MarkdownBlocksError);
  });

  it('names the offending line', () => {
    expect(() => md('ok\n\n#### Deep')).toThrow(/line 3/);
  });
});
