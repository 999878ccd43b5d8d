import { describe, expect, it } from 'vitest';
import { queryText } from './query-text.ts';

const stop = new Set(['what', 'does', 'a', 'do', 'the', 'is', 'it']);

describe('queryText', () => {
  it('drops stop words, marking the words before a dropped last one as complete', () => {
    expect(queryText('what does a backend developer do', stop)).toBe('backend developer ');
    expect(queryText('What does the frontend need', stop)).toBe('frontend need');
  });

  it('keeps a query without stop words, and one of stop words only, as typed', () => {
    expect(queryText('backend developer', stop)).toBe('backend developer');
    expect(queryText('postgres ', stop)).toBe('postgres ');
    expect(queryText('what is it', stop)).toBe('what is it');
  });

  it('keeps a trailing space the visitor typed', () => {
    expect(queryText('the backend ', stop)).toBe('backend ');
  });

  it('compares without case, as Meilisearch does', () => {
    expect(queryText('The Backend', stop)).toBe('Backend');
  });
});
