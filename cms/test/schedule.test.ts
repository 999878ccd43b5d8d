import { AdminRequestError, waitFor, type AdminClient } from '@stackguide/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleStatus } from '../src/plugins/search-site/shared/contracts.ts';
import { lanes } from './lanes.ts';
import { startLiveStack, type LiveStack } from './live-stack.ts';
import { addAdminUser } from './search-stack.ts';

const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];
/** A whole second `seconds` from now, as the admin's picker would give (it has no milliseconds). */
const inSeconds = (seconds: number) => new Date(Math.ceil(Date.now() / 1000 + seconds) * 1000);
const sleepUntil = (date: Date) => new Promise((resolve) => setTimeout(resolve, Math.max(0, date.getTime() - Date.now())));

describe.each(lanes())('scheduled publishing on $name (real CMS, search-sync, Meilisearch and site server)', (lane) => {
  let stack: LiveStack;
  let admin: AdminClient;

  const article = (slug: string, schedule: Record<string, unknown>) =>
    admin.createArticle({
      title: `Chronometric ${slug}`,
      slug,
      excerpt: 'An article that goes live and comes down on its own.',
      body: paragraph('Scheduled body.'),
      authorName: 'Test',
      ...schedule,
    });
  const schedule = async (documentId: string) =>
    (await admin.request<ArticleStatus>('GET', `/search-site/articles/${documentId}`)).schedule;
  const published = async (documentId: string) => {
    const res = await fetch(`${stack.cms.url}/api/articles/${documentId}`, { headers: { authorization: `Bearer ${stack.cms.readToken}` } });
    await res.body?.cancel();
    return res.status === 200;
  };
  const refusal = async (call: Promise<unknown>) => {
    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdminRequestError);
    expect((error as AdminRequestError).status).toBe(400);
    return (error as AdminRequestError).body as { error: { message: string; details: { errors: { path: string[] }[] } } };
  };

  beforeAll(async () => {
    stack = await startLiveStack({ ...(await lane.env()), SCHEDULE_INTERVAL: '1s' });
    admin = await stack.cms.admin();
  }, 600_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses a time in the past and an unpublish before the publish, under their fields; Authors cannot schedule', async () => {
    const past = await refusal(article('chrono-past', { publishAt: new Date(Date.now() - 60_000).toISOString() }));
    expect(past.error.message).toBe('"Publish at" is in the past: pick a later time, or clear it and publish now.');
    expect(past.error.details.errors[0]!.path).toEqual(['publishAt']);
    const order = await refusal(
      article('chrono-order', { publishAt: inSeconds(3600).toISOString(), unpublishAt: inSeconds(1800).toISOString() }),
    );
    expect(order.error.message).toBe('"Unpublish at" must be later than "Publish at".');
    expect(order.error.details.errors[0]!.path).toEqual(['unpublishAt']);

    const author = await addAdminUser(stack.cms, 'strapi-author');
    const { documentId } = await author.createArticle({
      title: 'Chronometric by an author',
      slug: 'chrono-author',
      excerpt: 'An author tries to schedule a publish.',
      body: paragraph('Body.'),
      authorName: 'Author',
      publishAt: inSeconds(3600).toISOString(),
    });
    expect(await schedule(documentId)).toEqual({ publishAt: null, unpublishAt: null, failure: null });
  });

  it('publishes at its time and unpublishes at the next, through search and the site build', { timeout: 180_000 }, async () => {
    const publishAt = inSeconds(10);
    const unpublishAt = inSeconds(25);
    const { documentId } = await article('chrono-live', { publishAt: publishAt.toISOString(), unpublishAt: unpublishAt.toISOString() });
    expect(await schedule(documentId)).toEqual({
      publishAt: publishAt.toISOString(),
      unpublishAt: unpublishAt.toISOString(),
      failure: null,
    });
    await sleepUntil(new Date(publishAt.getTime() - 1500));
    expect(await published(documentId)).toBe(false);

    await waitFor('published', () => published(documentId), { timeoutMs: 15_000, intervalMs: 100 });
    expect(Date.now()).toBeGreaterThanOrEqual(publishAt.getTime());
    await waitFor('searchable', async () => (await stack.search('chronometric')).includes(documentId), { timeoutMs: 15_000 });
    await waitFor('built', async () => (await stack.pageStatus('/articles/chrono-live/')) === 200, { timeoutMs: 60_000 });
    expect(await schedule(documentId)).toEqual({ publishAt: null, unpublishAt: unpublishAt.toISOString(), failure: null });

    await waitFor('unpublished', async () => !(await published(documentId)), { timeoutMs: 30_000, intervalMs: 100 });
    expect(Date.now()).toBeGreaterThanOrEqual(unpublishAt.getTime());
    await waitFor('out of search', async () => !(await stack.search('chronometric')).includes(documentId), { timeoutMs: 15_000 });
    await waitFor('off the site', async () => (await stack.pageStatus('/articles/chrono-live/')) === 404, { timeoutMs: 60_000 });
    expect(await schedule(documentId)).toEqual({ publishAt: null, unpublishAt: null, failure: null });
  });

  it('publishes on start what fell due while the CMS was down', { timeout: 180_000 }, async () => {
    const publishAt = inSeconds(5);
    const { documentId } = await article('chrono-missed', { publishAt: publishAt.toISOString() });
    // Ticks only on the hour from now on: what publishes it next is the catch-up on start.
    await stack.cms.restart({ SCHEDULE_INTERVAL: '1h' }, async () => {
      await sleepUntil(new Date(publishAt.getTime() + 1000));
    });
    expect(await published(documentId)).toBe(true);
    admin = await stack.cms.admin();
    expect(await schedule(documentId)).toEqual({ publishAt: null, unpublishAt: null, failure: null });
    await waitFor('searchable', async () => (await stack.search('chronometric')).includes(documentId), { timeoutMs: 30_000 });
    await waitFor('built', async () => (await stack.pageStatus('/articles/chrono-missed/')) === 200, { timeoutMs: 60_000 });
  });
});
