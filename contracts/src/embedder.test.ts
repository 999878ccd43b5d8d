import { describe, expect, it } from 'vitest';
import { embeddingText } from './embedder.ts';

describe('embeddingText', () => {
  it('is the title and the excerpt, or the title alone', () => {
    expect(embeddingText({ title: 'Backend skills', excerpt: 'Beyond code.' })).toBe('Backend skills. Beyond code.');
    expect(embeddingText({ title: 'Backend skills', excerpt: '' })).toBe('Backend skills');
  });
});
