import crypto from 'node:crypto';
import { WaitError, waitFor, type AdminClient } from '@stackguide/test-kit';
import { EMBEDDER } from '@stackguide/contracts/search-index';
import { meiliCall, search, type Meili } from './meili-http.ts';

/** After this long unfound, a sample is a timeout. */
const TIMEOUT_MS = 15_000;

/**
 * A draft article whose title carries a token no other document has, so a search finds only it.
 * Its body has an introduction and three sections, as a written article does: each is a text
 * embedded for search by meaning, and each names the token, so none is embedded already.
 */
export function benchArticle(token: string): Record<string, unknown> {
  const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
  const heading = (text: string) => ({ type: 'heading', level: 2, children: [{ type: 'text', text }] });
  return {
    title: `Bench ${token} publish probe`,
    slug: `bench-${token}`,
    excerpt: `Probe article ${token} written by the benchmark to time publish to searchable.`,
    body: [
      paragraph(`Body of probe ${token}. It stands for an article an editor has just published.`),
      heading('Why the probe has sections'),
      paragraph(`Each section of an article is embedded on its own, so a question can find the part that answers it (${token}).`),
      heading('What is timed'),
      paragraph(`The time from the publish request until a search finds ${token} by its words, then by its meaning.`),
      heading('What happens afterwards'),
      paragraph(`Probe ${token} is deleted once it has been found, so the index holds only the articles it held before.`),
    ],
    authorName: 'Bench',
  };
}

export const token = () => `zq${crypto.randomBytes(5).toString('hex')}`;

/** Creates a probe draft, then times its publish (`byMeaning`: until it carries its vectors too). */
export async function sample(admin: AdminClient, meili: Meili, index: string, byMeaning = false): Promise<Timed> {
  const t = token();
  const { documentId } = await admin.createArticle(benchArticle(t));
  return timePublish(admin, meili, index, documentId, t, byMeaning);
}

export type Timed = { total: number; publish: number; startedAt: number; foundAt: number; meaning: number };

/**
 * Whether the index's copy of `documentId` carries its vectors: a search by meaning can find it
 * from then on (Meilisearch applies a document's words and vectors in separate tasks).
 */
export async function hasVectors(meili: Meili, index: string, documentId: string): Promise<boolean> {
  const { status, data } = await meiliCall<{ _vectors?: Record<string, { embeddings?: unknown[] }> }>(
    meili,
    'GET',
    `/indexes/${index}/documents/${documentId}?retrieveVectors=true`,
  );
  return status === 200 && (data?._vectors?.[EMBEDDER]?.embeddings?.length ?? 0) > 0;
}

/**
 * Publishes a prepared draft and polls search every 5 ms until its token `t` is found. `total` runs
 * from sending the publish request (NaN on timeout); `publish` is the request alone (Strapi's own
 * share); `startedAt`/`foundAt` are epoch ms, to place search-sync's log line for the sample.
 * `byMeaning`: then polls until the document carries its vectors, `meaning` from the same start
 * (NaN on timeout or when not asked).
 */
export async function timePublish(
  admin: AdminClient,
  meili: Meili,
  index: string,
  documentId: string,
  t: string,
  byMeaning = false,
): Promise<Timed> {
  const startedAt = Date.now();
  const start = performance.now();
  await admin.publish(documentId);
  const publish = performance.now() - start;
  const within = async (what: string, check: () => Promise<boolean>) => {
    try {
      await waitFor(what, check, { timeoutMs: TIMEOUT_MS, intervalMs: 5 });
      return performance.now() - start;
    } catch (err) {
      if (err instanceof WaitError) return NaN;
      throw err;
    }
  };
  const found = async () => (await search(meili, index, { q: t, limit: 1, attributesToRetrieve: ['slug'] })).hits.length > 0;
  const total = await within(`probe ${t} to be searchable`, found);
  const foundAt = Number.isNaN(total) ? NaN : Date.now();
  const meaning =
    byMeaning && !Number.isNaN(total) ? await within(`probe ${t} to carry its vectors`, () => hasVectors(meili, index, documentId)) : NaN;
  return { total, publish, startedAt, foundAt, meaning };
}
