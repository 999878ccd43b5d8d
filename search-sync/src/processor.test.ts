import { MeilisearchRequestError } from 'meilisearch';
import { describe, expect, it } from 'vitest';
import { MeiliTaskError, StrapiError } from './errors.ts';
import { isOutage, retryDelay } from './processor.ts';

const top = () => 0.999;

describe('retryDelay', () => {
  it('treats unreachable servers and 5xx as outages, 4xx and rejected tasks as the item’s fault', () => {
    expect(isOutage(new StrapiError('down', 'http://cms/api/articles'))).toBe(true);
    expect(isOutage(new StrapiError('bad gateway', 'http://cms/api/articles', 502))).toBe(true);
    expect(isOutage(new MeilisearchRequestError('http://meili/indexes', new Error('ECONNREFUSED')))).toBe(true);
    expect(isOutage(new StrapiError('forbidden', 'http://cms/api/articles/x', 403))).toBe(false);
    expect(isOutage(new MeiliTaskError('rejected', 7, 'failed', 'invalid_document_fields'))).toBe(false);
  });

  it('keeps retries during an outage within 10 s, however many attempts failed', () => {
    const down = new MeilisearchRequestError('http://meili/indexes', new Error('ECONNREFUSED'));
    expect(retryDelay(down, 1, undefined, top)).toBeLessThanOrEqual(1_000);
    expect(retryDelay(down, 30, undefined, top)).toBeLessThanOrEqual(10_000);
  });

  it('lets the delay grow to the policy’s maximum for an item that keeps failing', () => {
    const rejected = new MeiliTaskError('rejected', 7, 'failed', 'invalid_document_fields');
    expect(retryDelay(rejected, 30, undefined, top)).toBeGreaterThan(4 * 60_000);
  });
});
