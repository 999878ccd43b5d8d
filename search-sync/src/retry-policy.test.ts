import { StrapiError } from '@stackguide/runtime';
import { MeilisearchRequestError } from 'meilisearch';
import { describe, expect, it } from 'vitest';
import { MeiliTaskError } from './errors.ts';
import { backoffDelay, isClientError, isOutage, isPermanent, isRejection, retryDelay } from './retry-policy.ts';

const opts = { baseMs: 100, maxMs: 1_000 };
const top = () => 0.999;
const down = new MeilisearchRequestError('http://meili/indexes', new Error('ECONNREFUSED'));
const rejected = new MeiliTaskError('rejected', 7, 'failed', 'invalid_document_fields');

describe('backoffDelay', () => {
  it('doubles per attempt with jitter between half and full delay', () => {
    expect(backoffDelay(1, opts, () => 0)).toBe(50);
    expect(backoffDelay(1, opts, () => 1)).toBe(100);
    expect(backoffDelay(3, opts, () => 0)).toBe(200);
    expect(backoffDelay(3, opts, () => 1)).toBe(400);
  });

  it('caps at maxMs', () => {
    expect(backoffDelay(30, opts, () => 1)).toBe(1_000);
    expect(backoffDelay(30, opts, () => 0)).toBe(500);
  });

  it('spreads retries of simultaneous failures', () => {
    const delays = new Set(Array.from({ length: 20 }, () => backoffDelay(4, opts)));
    expect(delays.size).toBeGreaterThan(1);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(400);
  });
});

describe('retryDelay', () => {
  it('treats unreachable servers and 5xx as outages, 4xx and rejected tasks as the item’s fault', () => {
    expect(isOutage(new StrapiError('http://cms/api/articles', 'down', undefined, 1))).toBe(true);
    expect(isOutage(new StrapiError('http://cms/api/articles', 'bad gateway', 502, 1))).toBe(true);
    expect(isOutage(down)).toBe(true);
    expect(isOutage(new StrapiError('http://cms/api/articles/x', 'forbidden', 403, 1))).toBe(false);
    expect(isOutage(rejected)).toBe(false);
  });

  it('keeps retries during an outage within 10 s, however many attempts failed', () => {
    expect(retryDelay(down, 1, undefined, top)).toBeLessThanOrEqual(1_000);
    expect(retryDelay(down, 30, undefined, top)).toBeLessThanOrEqual(10_000);
  });

  it('lets the delay grow to the policy’s maximum for an item that keeps failing', () => {
    expect(retryDelay(rejected, 30, undefined, top)).toBeGreaterThan(4 * 60_000);
  });
});

describe('isPermanent', () => {
  it('gives up on a 4xx at once, except timeouts and rate limits', () => {
    expect(isClientError(404)).toBe(true);
    expect(isClientError(408)).toBe(false);
    expect(isClientError(429)).toBe(false);
    expect(isClientError(undefined)).toBe(false);
    expect(isPermanent(new StrapiError('http://cms/api/articles/x', 'forbidden', 403, 1), 0, 10)).toBe(true);
    expect(isPermanent(new StrapiError('http://cms/api/articles/x', 'too many', 429, 1), 0, 10)).toBe(false);
  });

  it('never gives up during an outage', () => {
    expect(isPermanent(down, 1_000, 10)).toBe(false);
    expect(isPermanent(new StrapiError('http://cms/api/articles', 'bad gateway', 502, 1), 1_000, 10)).toBe(false);
  });

  it('gives up on a rejected task on its tenth failure', () => {
    expect(isPermanent(rejected, 8, 10)).toBe(false);
    expect(isPermanent(rejected, 9, 10)).toBe(true);
  });
});

describe('isRejection', () => {
  it('takes a refused request or a failed task for something one item may have caused, never an outage', () => {
    expect(isRejection(rejected)).toBe(true);
    expect(isRejection(new StrapiError('http://cms/api/articles', 'bad request', 400, 1))).toBe(true);
    expect(isRejection(new StrapiError('http://cms/api/articles', 'bad gateway', 502, 1))).toBe(false);
    expect(isRejection(new StrapiError('http://cms/api/articles', 'too many', 429, 1))).toBe(false);
    expect(isRejection(down)).toBe(false);
    expect(isRejection(new Error('bug'))).toBe(false);
  });
});
