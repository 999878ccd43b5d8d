import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminRequestError, startTestCms, waitFor, type AdminClient, type TestCms } from '@stackguide/test-kit';
import { lanes } from './lanes.ts';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.ts';

function jsonForm(fields: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, JSON.stringify(value));
  return form;
}

const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

describe.each(lanes())('editor flows on $name', (lane) => {
  let cms: TestCms;
  let admin: AdminClient;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    cms = await startTestCms({ webhookUrl: receiver.url, env: await lane.env() });
    admin = await cms.admin();
  });

  afterAll(async () => {
    await cms?.stop();
    receiver?.close();
  });

  it('calls the search-sync webhook with the secret on publish, unpublish and delete', async () => {
    const { documentId } = await admin.createArticle(
      {
        title: 'Webhook probe article',
        slug: 'webhook-probe-article',
        excerpt: 'An article that exists to check the webhook.',
        body: paragraph('Body.'),
        authorName: 'Test',
      },
      { publish: true },
    );
    const eventFor = (event: string) => () => receiver.calls.find((r) => r.body.event === event && r.body.entry?.documentId === documentId);
    const published = await waitFor('entry.publish', eventFor('entry.publish'), { timeoutMs: 15_000 });
    expect(published.authorization).toBe(`Bearer ${cms.env.WEBHOOK_SECRET}`);
    expect(published.body.model).toBe('article');

    await admin.unpublish(documentId);
    await waitFor('entry.unpublish', eventFor('entry.unpublish'), { timeoutMs: 15_000 });
    await admin.deleteDocument(documentId);
    const deleted = await waitFor('entry.delete', eventFor('entry.delete'), { timeoutMs: 15_000 });
    expect(deleted.authorization).toBe(`Bearer ${cms.env.WEBHOOK_SECRET}`);
  });

  it('shows editors a list of title, roles and update time, and groups SEO at the end of the form', async () => {
    const config = await admin.request<{ data: { contentType: { layouts: { list: string[]; edit: { name: string }[][] } } } }>(
      'GET',
      '/content-manager/content-types/api::article.article/configuration',
    );
    const { list, edit } = config.data.contentType.layouts;
    expect(list).toEqual(expect.arrayContaining(['title', 'roles', 'updatedAt']));
    expect(edit.at(-1)!.map((f) => f.name)).toEqual(['seo']);
  });

  it('refuses to publish an article without an excerpt', async () => {
    const { documentId } = await admin.createArticle({
      title: 'No excerpt here',
      slug: 'no-excerpt-here',
      body: paragraph('Body.'),
      authorName: 'Test',
    });
    const error = await admin.publish(documentId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdminRequestError);
    expect((error as AdminRequestError).status).toBe(400);
    expect(JSON.stringify((error as AdminRequestError).body)).toContain('excerpt');
  });

  it('refuses an excerpt longer than 300 characters', async () => {
    const error = await admin
      .createArticle(
        { title: 'Long excerpt', slug: 'long-excerpt', excerpt: 'x'.repeat(301), body: paragraph('Body.'), authorName: 'Test' },
        { publish: true },
      )
      .catch((e: unknown) => e);
    expect((error as AdminRequestError).status).toBe(400);
  });

  it('refuses a cover image without alternative text, accepts it once described', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const form = new FormData();
    form.append('files', new Blob([png], { type: 'image/png' }), 'cover.png');
    const [file] = await admin.request<{ id: number }[]>('POST', '/upload', form);
    const data = {
      title: 'Cover check',
      slug: 'cover-check',
      excerpt: 'An article with a cover image to describe.',
      body: paragraph('Body.'),
      authorName: 'Test',
      cover: file!.id,
    };
    const error = await admin.createArticle(data).catch((e: unknown) => e);
    expect((error as AdminRequestError).status).toBe(400);
    expect(JSON.stringify((error as AdminRequestError).body)).toContain('alternative text');

    await admin.request(
      'POST',
      `/upload?id=${file!.id}`,
      jsonForm({ fileInfo: { alternativeText: 'A single grey pixel', name: 'cover.png' } }),
    );
    const { documentId } = await admin.createArticle(data, { publish: true });
    const res = await fetch(`${cms.url}/api/articles/${documentId}`);
    const article = (await res.json()) as { data: { cover: { alternativeText: string } } };
    expect(article.data.cover.alternativeText).toBe('A single grey pixel');
  });

  it('refuses a slug of digits only, which would be a page of the article list, and says why under the Slug field', async () => {
    const article = {
      title: '100000',
      excerpt: 'An article whose title is a number and nothing else.',
      body: paragraph('Body.'),
      authorName: 'Test',
    };
    const error = await admin.createArticle({ ...article, slug: '100000' }, { publish: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdminRequestError);
    expect((error as AdminRequestError).status).toBe(400);
    const body = (error as AdminRequestError).body as {
      error: { name: string; message: string; details: { errors: { path: string[]; message: string }[] } };
    };
    expect(body.error.name).toBe('ValidationError');
    expect(body.error.message).toMatch(/only digits.*\/articles\/100000\/.*"article-100000"/);
    expect(body.error.details.errors).toEqual([expect.objectContaining({ path: ['slug'], message: body.error.message })]);

    const { documentId } = await admin.createArticle({ ...article, slug: 'article-100000' }, { publish: true });
    const renamed = await admin.updateArticle(documentId, { slug: '7' }).catch((e: unknown) => e);
    expect((renamed as AdminRequestError).status).toBe(400);
    const res = await fetch(`${cms.url}/api/articles/${documentId}`);
    expect(((await res.json()) as { data: { slug: string } }).data.slug).toBe('article-100000');
  });

  it('refuses a duplicate slug', async () => {
    const res = await fetch(`${cms.url}/api/articles?pagination[pageSize]=1`);
    const existing = ((await res.json()) as { data: { slug: string }[] }).data[0]!.slug;
    const error = await admin
      .createArticle(
        {
          title: 'Copycat',
          slug: existing,
          excerpt: 'A second article trying to take a slug.',
          body: paragraph('Body.'),
          authorName: 'Test',
        },
        { publish: true },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdminRequestError);
    expect((error as AdminRequestError).status).toBe(400);
  });

  it('keeps the slugs a published article was live under, and nobody else can set them', async () => {
    const live = async (documentId: string) => {
      const res = await fetch(`${cms.url}/api/articles/${documentId}?fields[0]=slug&fields[1]=previousSlugs`);
      const { data } = (await res.json()) as { data: { slug: string; previousSlugs: { slug: string; until: string }[] | null } };
      return { slug: data.slug, old: (data.previousSlugs ?? []).map((p) => p.slug) };
    };
    const rename = async (documentId: string, slug: string) => {
      await admin.updateArticle(documentId, { slug });
      await admin.publish(documentId);
    };
    const article = { excerpt: 'An article whose address changes.', body: paragraph('Body.'), authorName: 'Test' };
    const { documentId } = await admin.createArticle({ ...article, title: 'Renamed article', slug: 'renamed-a' }, { publish: true });
    expect(await live(documentId)).toEqual({ slug: 'renamed-a', old: [] });
    // A draft's new slug is not public: nothing records or shows it before the publish.
    await admin.updateArticle(documentId, { slug: 'renamed-b' });
    expect(await live(documentId)).toEqual({ slug: 'renamed-a', old: [] });
    await admin.publish(documentId);
    expect(await live(documentId)).toEqual({ slug: 'renamed-b', old: ['renamed-a'] });
    await rename(documentId, 'renamed-c');
    expect(await live(documentId)).toEqual({ slug: 'renamed-c', old: ['renamed-a', 'renamed-b'] });
    // Written through the admin, the field is ignored.
    await admin.updateArticle(documentId, { previousSlugs: [{ slug: 'forged', until: new Date().toISOString() }], title: 'Renamed again' });
    await admin.publish(documentId);
    expect(await live(documentId)).toEqual({ slug: 'renamed-c', old: ['renamed-a', 'renamed-b'] });
    // Renamed while unpublished: the address it was live under still counts.
    await admin.unpublish(documentId);
    await rename(documentId, 'renamed-d');
    expect(await live(documentId)).toEqual({ slug: 'renamed-d', old: ['renamed-a', 'renamed-b', 'renamed-c'] });
    // Back to an old slug: its own page answers there again.
    await rename(documentId, 'renamed-a');
    expect(await live(documentId)).toEqual({ slug: 'renamed-a', old: ['renamed-b', 'renamed-c', 'renamed-d'] });
    // A copy is a new article, with none of the original's old addresses.
    const copy = await admin.request<{ data: { documentId: string } }>(
      'POST',
      `/content-manager/collection-types/api::article.article/clone/${documentId}`,
      { ...article, title: 'Copy of a renamed article', slug: 'renamed-copy' },
    );
    await admin.publish(copy.data.documentId);
    expect(await live(copy.data.documentId)).toEqual({ slug: 'renamed-copy', old: [] });
  });

  it('keeps the date an article first went live when an edit publishes it again', async () => {
    const stamps = async (documentId: string) => {
      const res = await fetch(`${cms.url}/api/articles/${documentId}?fields[0]=publishedAt&fields[1]=firstPublishedAt`);
      const { data } = (await res.json()) as { data: { publishedAt: string; firstPublishedAt: string | null } };
      return { published: Date.parse(data.publishedAt), first: data.firstPublishedAt === null ? null : Date.parse(data.firstPublishedAt) };
    };
    const before = Date.now();
    const { documentId } = await admin.createArticle(
      {
        title: 'An article edited after it went live',
        slug: 'edited-after-going-live',
        excerpt: 'Published once, then corrected and published again.',
        body: paragraph('First text.'),
        authorName: 'Test',
      },
      { publish: true },
    );
    const first = await stamps(documentId);
    expect(first.first).not.toBeNull();
    expect(first.first!).toBeGreaterThanOrEqual(before - 1000);
    expect(first.first!).toBeLessThanOrEqual(first.published);

    await new Promise((resolve) => setTimeout(resolve, 1100));
    await admin.updateArticle(documentId, { body: paragraph('Corrected text.') });
    await admin.publish(documentId);
    const again = await stamps(documentId);
    expect(again.published).toBeGreaterThan(first.published);
    expect(again.first).toBe(first.first);
  });
});
