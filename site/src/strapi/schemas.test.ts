import { describe, expect, it } from 'vitest';
import { articleSchema } from './schemas.ts';

const entry = {
  documentId: 'a1',
  slug: 'an-old-article',
  title: 'An old article',
  publishedAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
};

describe('articleSchema', () => {
  it('dates an article by when it first went live: an edit republishes it without making it new', () => {
    const article = articleSchema.parse({ ...entry, firstPublishedAt: '2024-05-06T07:08:09.000Z' });
    expect(article.publishedAt).toEqual(new Date('2024-05-06T07:08:09.000Z'));
    expect(article).not.toHaveProperty('firstPublishedAt');
  });

  it('falls back to the latest publish when the CMS has no first date', () => {
    expect(articleSchema.parse(entry).publishedAt).toEqual(new Date(entry.publishedAt));
    expect(articleSchema.parse({ ...entry, firstPublishedAt: null }).publishedAt).toEqual(new Date(entry.publishedAt));
  });
});
