// When and whether to try again: exponential backoff with jitter, and the rules that tell an
// outage (retry soon) from an item a healthy server rejects (back off, or give up).
import { StrapiError } from '@stackguide/runtime';
import { MeilisearchApiError, MeilisearchRequestError, MeilisearchRequestTimeOutError } from 'meilisearch';
import { MeiliTaskError } from './errors.ts';

export type BackoffOptions = { baseMs: number; maxMs: number };

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 5 * 60_000 };

/** Build-hook calls while the site is down or rebuilding: soon at first, then once a minute. */
export const BUILD_HOOK_BACKOFF: BackoffOptions = { baseMs: 2_000, maxMs: 60_000 };

/** Retry delays stop growing here while a server is down or failing (see `retryDelay`). */
const OUTAGE_RETRY_MAX_MS = 10_000;

/**
 * Delay before retry number `attempt` (1 = first retry): exponential, capped, with "equal jitter"
 * (half fixed, half random) so many failed items do not retry in lockstep yet never retry instantly.
 */
export function backoffDelay(attempt: number, opts: BackoffOptions = DEFAULT_BACKOFF, random = Math.random): number {
  const exp = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

/** Strapi or Meilisearch unreachable, timing out or answering 5xx: the server, not the item, is at fault. */
export function isOutage(err: unknown): boolean {
  if (err instanceof StrapiError) return err.status === undefined || err.status >= 500;
  if (err instanceof MeilisearchApiError) return err.response.status >= 500;
  return err instanceof MeilisearchRequestError || err instanceof MeilisearchRequestTimeOutError;
}

/**
 * Delay before an item's next attempt. During an outage the retries of a whole batch are one cheap
 * request, so they stay a few seconds apart and the queue drains soon after the server is back;
 * the long exponential tail is for items that keep failing against a healthy server.
 */
export function retryDelay(err: unknown, attempt: number, policy: BackoffOptions = DEFAULT_BACKOFF, random = Math.random): number {
  const capped = isOutage(err) ? { ...policy, maxMs: Math.min(policy.maxMs, OUTAGE_RETRY_MAX_MS) } : policy;
  return backoffDelay(attempt, capped, random);
}

/** 4xx other than timeout/rate limit: the same request will fail the same way. */
export function isClientError(status: number | undefined): boolean {
  return status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/**
 * Whether one item of a batch may have caused the failure: Strapi or Meilisearch refused the request
 * (a 4xx: one document id it cannot take fails the whole request), or Meilisearch failed its task.
 * Retried one item at a time, the others go through.
 */
export function isRejection(err: unknown): boolean {
  if (err instanceof StrapiError) return isClientError(err.status);
  if (err instanceof MeilisearchApiError) return isClientError(err.response.status);
  return err instanceof MeiliTaskError;
}

/**
 * Whether retrying cannot help: Strapi or Meilisearch rejected the request itself (a 4xx), or
 * Meilisearch has now failed the item's task `maxTaskFailures` times. `attempts` counts the
 * failures before this one.
 */
export function isPermanent(err: unknown, attempts: number, maxTaskFailures: number): boolean {
  if (err instanceof MeiliTaskError) return attempts + 1 >= maxTaskFailures;
  return isRejection(err);
}
