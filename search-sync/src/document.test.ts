import { describe, expect, it } from 'vitest';
import { blocksToText, capText, readingMinutes, toSearchDocument } from './document.ts';
import type { StrapiArticle, StrapiBlock } from './strapi-client.ts';

const blocks: StrapiBlock[] = [
  { type: 'heading', level: 2, children: [{ type: 'text', text: 'Why  Postgres' }] },
  {
    type: 'paragraph',
    children: [
      { type: 'text', text: 'Use ' },
      { type: 'text', text: 'indexes', bold: true } as StrapiBlock,
      { type: 'text', text: ' and read ' },
      { type: 'link', url: 'https://x.test', children: [{ type: 'text', text: 'the docs' }] },
      { type: 'text', text: '.' },
    ],
  },
  {
    type: 'list',
    format: 'unordered',
    children: [
      { type: 'list-item', children: [{ type: 'text', text: 'one' }] },
      { type: 'list', format: 'ordered', children: [{ type: 'list-item', children: [{ type: 'text', text: 'nested' }] }] },
    ],
  },
  { type: 'quote', children: [{ type: 'text', text: 'Measure first.' }] },
  { type: 'code', language: 'sql', children: [{ type: 'text', text: 'SELECT 1;' }] },
  { type: 'image', image: { alternativeText: 'A diagram' }, children: [{ type: 'text', text: '' }] },
  { type: 'paragraph', children: [{ type: 'text', text: '   ' }] },
];

describe('blocksToText', () => {
  it('keeps the text of every block kind, one line each, links and nested lists included', () => {
    expect(blocksToText(blocks)).toBe(
      ['Why Postgres', 'Use indexes and read the docs.', 'one', 'nested', 'Measure first.', 'SELECT 1;', 'A diagram'].join('\n'),
    );
  });

  it('tolerates missing bodies and unknown block types', () => {
    expect(blocksToText(null)).toBe('');
    expect(blocksToText([{ type: 'future-block', children: [{ type: 'text', text: 'kept' }] }])).toBe('kept');
  });
});

describe('capText / readingMinutes', () => {
  it('caps at a word boundary near the limit', () => {
    const text = 'word '.repeat(100);
    const capped = capText(text, 52);
    expect(capped.length).toBeLessThanOrEqual(52);
    expect(capped.endsWith('word')).toBe(true);
    expect(capText('short', 52)).toBe('short');
  });

  it('reads about 220 words per minute, at least one', () => {
    expect(readingMinutes('a few words')).toBe(1);
    expect(readingMinutes('w '.repeat(1100))).toBe(5);
  });
});

describe('toSearchDocument', () => {
  it('maps a Strapi article to the contract shape', () => {
    const article: StrapiArticle = {
      id: 3,
      documentId: 'doc1',
      title: 'Postgres for backend developers',
      slug: 'postgres-for-backend',
      excerpt: 'Short.',
      body: blocks,
      updatedAt: '2026-01-02T03:04:05.678Z',
      publishedAt: '2026-01-01T00:00:00.000Z',
      roles: [{ documentId: 'r1', name: 'Backend developer', slug: 'backend-developer' }],
      skills: [{ documentId: 's1', name: 'PostgreSQL', slug: 'postgresql' }],
    };
    expect(toSearchDocument(article)).toEqual({
      id: 'doc1',
      slug: 'postgres-for-backend',
      url: '/articles/postgres-for-backend/',
      title: 'Postgres for backend developers',
      excerpt: 'Short.',
      headings: ['Why Postgres'],
      content: blocksToText(blocks),
      roles: ['backend-developer'],
      roleNames: ['Backend developer'],
      skills: ['PostgreSQL'],
      publishedAt: Date.parse('2026-01-01T00:00:00.000Z') / 1000,
      updatedAt: Math.floor(Date.parse('2026-01-02T03:04:05.678Z') / 1000),
      readingMinutes: 1,
    });
  });
});
