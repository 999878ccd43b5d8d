import { describe, expect, it } from 'vitest';
import type { SearchDocument } from './contract.ts';
import { toSearchDocument } from './document.ts';
import { EarlyWrites } from './early-write.ts';
import { createLogger } from './logger.ts';
import { Metrics } from './metrics.ts';
import type { StrapiArticle } from './strapi-client.ts';

/** An `entry.publish` payload as Strapi sends it: the published row, relations populated with all their fields. */
const payload = (over: Record<string, unknown> = {}) => ({
  id: 41,
  documentId: 'doc-a',
  title: 'What a backend developer does',
  slug: 'what-a-backend-developer-does',
  excerpt: 'Servers, data and APIs.',
  body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Backend developers build APIs.' }] }],
  authorName: 'Editor',
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-02T09:30:00.000Z',
  publishedAt: '2026-12-02T09:30:00.000Z',
  locale: null,
  cover: null,
  roles: [{ id: 3, documentId: 'role-b', name: 'Backend developer', slug: 'backend-developer', summary: 'x' }],
  skills: [{ id: 5, documentId: 'skill-sql', name: 'SQL', slug: 'sql' }],
  ...over,
});

/** An index whose writes finish only when the test says so. */
function gatedIndex() {
  const written: SearchDocument[][] = [];
  const gates: { open: () => void; fail: (e: Error) => void }[] = [];
  return {
    written,
    gates,
    upsert: (docs: SearchDocument[]) =>
      new Promise<void>((resolve, reject) => {
        written.push(docs);
        gates.push({ open: resolve, fail: reject });
      }),
  };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

function setup() {
  const index = gatedIndex();
  const changed: unknown[] = [];
  const metrics = new Metrics();
  const early = new EarlyWrites({ index, metrics, log: createLogger('silent'), buildHook: { changed: (c) => void changed.push(c) } });
  return { index, changed, metrics, early };
}

describe('EarlyWrites', () => {
  it('indexes a published payload as the same document the re-fetch would give, noting the site change first', async () => {
    const { index, changed, metrics, early } = setup();
    early.offer(payload());
    await tick();
    expect(index.written).toEqual([[toSearchDocument(payload() as unknown as StrapiArticle)]]);
    expect(changed).toEqual([[{ kind: 'article', documentId: 'doc-a' }]]);
    index.gates[0]!.open();
    await early.settled(['doc-a']);
    expect(metrics.earlyWrites).toBe(1);
  });

  it('leaves drafts and incomplete payloads to the queue', async () => {
    const { index, early } = setup();
    early.offer(payload({ publishedAt: null }));
    early.offer(payload({ title: undefined }));
    early.offer(payload({ roles: [{ id: 1 }] }));
    early.offer({ documentId: 'doc-a' });
    early.offer(null);
    await tick();
    expect(index.written).toEqual([]);
    await early.settled(['doc-a']);
  });

  it('settled() waits for writes in flight, in order per document, and never rejects', async () => {
    const { index, metrics, early } = setup();
    early.offer(payload());
    early.offer(payload({ title: 'Second title' }));
    await tick();
    // The second write of the same document waits for the first, so Meilisearch gets them in order.
    expect(index.written).toHaveLength(1);
    let settled = false;
    const waiting = early.settled(['doc-a', 'doc-other']).then(() => (settled = true));
    index.gates[0]!.fail(new Error('Meilisearch said no'));
    await tick();
    expect(index.written.map((docs) => docs[0]!.title)).toEqual(['What a backend developer does', 'Second title']);
    expect(settled).toBe(false);
    index.gates[1]!.open();
    await waiting;
    expect(metrics.earlyWrites).toBe(1);
  });
});
