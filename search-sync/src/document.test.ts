import type { FeedArticle } from '@stackguide/contracts/index-feed';
import { blocksText } from '@stackguide/content';
import type { Block } from '@stackguide/contracts/blocks';
import { describe, expect, it } from 'vitest';
import { bodySections, capText, toSearchDocument } from './document.ts';

const blocks: Block[] = [
  { type: 'heading', level: 2, children: [{ type: 'text', text: 'Why  Postgres' }] },
  {
    type: 'paragraph',
    children: [
      { type: 'text', text: 'Use ' },
      { type: 'text', text: 'indexes', bold: true },
      { type: 'text', text: ' and read ' },
      { type: 'link', url: 'https://x.test', children: [{ type: 'text', text: 'the docs' }] },
      { type: 'text', text: '.' },
    ],
  },
  {
    type: 'image',
    image: { url: '/uploads/d.png', alternativeText: 'A diagram', width: 10, height: 10 },
    children: [{ type: 'text', text: '' }],
  },
];

describe('capText', () => {
  it('caps at a word boundary near the limit', () => {
    const text = 'word '.repeat(100);
    const capped = capText(text, 52);
    expect(capped.length).toBeLessThanOrEqual(52);
    expect(capped.endsWith('word')).toBe(true);
    expect(capText('short', 52)).toBe('short');
  });
});

describe('bodySections', () => {
  const heading = (text: string, level: 2 | 3 = 2): Block => ({ type: 'heading', level, children: [{ type: 'text', text }] });
  const para = (text: string): Block => ({ type: 'paragraph', children: [{ type: 'text', text }] });

  it('splits at every heading with the ids the page renders, the intro apart', () => {
    const body = [para('Intro.'), heading('Setup'), para('One.'), heading('Details', 3), para('Two.'), para('Three.'), heading('Setup')];
    expect(bodySections(body)).toEqual({
      intro: 'Intro.',
      sections: [
        { id: 'setup', heading: 'Setup', text: 'One.' },
        { id: 'details', heading: 'Details', text: 'Two.\nThree.' },
        { id: 'setup-2', heading: 'Setup', text: '' },
      ],
    });
  });

  it('caps the text over intro and sections together, keeping every heading', () => {
    const body = [para('a'.repeat(30)), heading('One'), para('b'.repeat(30)), heading('Two'), para('c'.repeat(30))];
    const { intro, sections } = bodySections(body, 50);
    expect(intro).toHaveLength(30);
    expect(sections.map((s) => [s.id, s.text.length])).toEqual([
      ['one', 20],
      ['two', 0],
    ]);
  });
});

describe('toSearchDocument', () => {
  const article: FeedArticle = {
    id: 3,
    documentId: 'doc1',
    title: 'Postgres for backend developers',
    slug: 'postgres-for-backend',
    excerpt: 'Short.',
    body: blocks,
    updatedAt: '2026-01-02T03:04:05.678Z',
    publishedAt: '2026-01-01T00:00:00.000Z',
    firstPublishedAt: null,
    roles: [{ documentId: 'r1', name: 'Backend developer', slug: 'backend-developer' }],
    skills: [{ documentId: 's1', name: 'PostgreSQL', slug: 'postgresql' }],
  };

  it('maps a Strapi article to the contract shape, with the body as plain text', () => {
    expect(toSearchDocument(article)).toEqual({
      id: 'doc1',
      slug: 'postgres-for-backend',
      url: '/articles/postgres-for-backend/',
      title: 'Postgres for backend developers',
      excerpt: 'Short.',
      sections: [{ id: 'why-postgres', heading: 'Why Postgres', text: 'Use indexes and read the docs.\nA diagram' }],
      content: '',
      roles: ['backend-developer'],
      roleNames: ['Backend developer'],
      skills: ['PostgreSQL'],
      publishedAt: Date.parse('2026-01-01T00:00:00.000Z') / 1000,
      updatedAt: Math.floor(Date.parse('2026-01-02T03:04:05.678Z') / 1000),
      readingMinutes: 1,
    });
  });

  it('counts reading minutes over the body, as the site does', () => {
    const long: Block[] = [{ type: 'paragraph', children: [{ type: 'text', text: 'word '.repeat(1100) }] }];
    const doc = toSearchDocument({ ...article, title: 'word '.repeat(200), body: long });
    expect(doc.readingMinutes).toBe(5);
    expect(doc.content).toBe(blocksText(long));
    expect(doc.sections).toEqual([]);
  });

  it('dates the document by when the article first went live, not by its latest publish', () => {
    const republished = { ...article, publishedAt: '2026-03-01T00:00:00.000Z', firstPublishedAt: '2025-06-01T12:00:00.000Z' };
    expect(toSearchDocument(republished).publishedAt).toBe(Date.parse('2025-06-01T12:00:00.000Z') / 1000);
    expect(toSearchDocument({ ...republished, firstPublishedAt: null }).publishedAt).toBe(Date.parse('2026-03-01T00:00:00.000Z') / 1000);
  });

  it('copes with a missing body', () => {
    expect(toSearchDocument({ ...article, body: null, excerpt: null })).toMatchObject({ content: '', excerpt: '', readingMinutes: 1 });
  });
});
