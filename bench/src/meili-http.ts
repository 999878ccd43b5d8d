/** Thin fetch helpers for Meilisearch's REST API (loopback, master key), timed by the caller; and the indexing floor, which times itself. */
import { MEILI_REQUEST_HEADERS } from '@stackguide/contracts/meili-requests';
import { waitFor } from '@stackguide/test-kit';

export type Meili = { url: string; key: string };

/** One request to Meilisearch's REST API with the master key; the answer's status and parsed JSON body. */
export async function meiliCall<T>(
  m: Meili,
  method: string,
  route: string,
  body?: unknown,
  timeoutMs = 10_000,
): Promise<{ status: number; data: T }> {
  const res = await fetch(`${m.url}${route}`, {
    method,
    headers: {
      ...MEILI_REQUEST_HEADERS,
      Authorization: `Bearer ${m.key}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  return { status: res.status, data: (text ? JSON.parse(text) : null) as T };
}

export type SearchAnswer = { status: number; hits: Record<string, unknown>[]; processingTimeMs: number };

/** One search; network errors come back as status 0 so loops can count them as failures. */
export async function search(m: Meili, index: string, params: Record<string, unknown>): Promise<SearchAnswer> {
  try {
    const { status, data } = await meiliCall<{ hits?: Record<string, unknown>[]; processingTimeMs?: number }>(
      m,
      'POST',
      `/indexes/${index}/search`,
      params,
      5_000,
    );
    return { status, hits: data?.hits ?? [], processingTimeMs: data?.processingTimeMs ?? NaN };
  } catch {
    return { status: 0, hits: [], processingTimeMs: NaN };
  }
}

/** Waits until `index` has no enqueued or processing tasks (a Meilisearch restarting counts as not yet). @throws WaitError after `timeoutMs`. */
export async function waitForIdleIndex(m: Meili, index: string, timeoutMs = 600_000): Promise<void> {
  const idle = async () => {
    const { data } = await meiliCall<{ total?: number; results: unknown[] }>(
      m,
      'GET',
      `/tasks?indexUids=${index}&statuses=enqueued,processing&limit=1`,
    );
    return (data.total ?? data.results.length) === 0;
  };
  await waitFor(`index ${index} to have no pending tasks`, idle, { timeoutMs });
}

/**
 * Every document of `index` (only `fields` when given), with its vectors when the index has any,
 * paged; an index that does not exist is empty.
 */
export async function allDocuments(m: Meili, index: string, fields?: string[]): Promise<Record<string, unknown>[]> {
  const docs: Record<string, unknown>[] = [];
  for (let offset = 0; ; offset += 1000) {
    const { status, data } = await meiliCall<{ results: Record<string, unknown>[]; total: number }>(
      m,
      'POST',
      `/indexes/${index}/documents/fetch`,
      { ...(fields ? { fields } : { retrieveVectors: true }), limit: 1000, offset },
      30_000,
    );
    if (status === 404) return docs;
    if (status !== 200) throw new Error(`fetching documents of ${index}: HTTP ${status}`);
    docs.push(...data.results);
    if (data.results.length < 1000) return docs;
  }
}

export async function documentCount(m: Meili, index: string): Promise<number> {
  const { status, data } = await meiliCall<{ numberOfDocuments: number }>(m, 'GET', `/indexes/${index}/stats`);
  return status === 200 ? data.numberOfDocuments : 0;
}

/**
 * Creates `uid` afresh with `settings`, then times Meilisearch alone indexing `docs` into it
 * (batches of 1,000 sent without waiting, timed until the last task is done); returns seconds.
 * @throws Error when a task fails.
 */
export async function bulkLoad(m: Meili, uid: string, settings: Record<string, unknown>, docs: Record<string, unknown>[]): Promise<number> {
  await meiliCall(m, 'DELETE', `/indexes/${uid}`);
  await meiliCall(m, 'POST', '/indexes', { uid, primaryKey: 'id' });
  await meiliCall(m, 'PATCH', `/indexes/${uid}/settings`, settings);
  await waitForIdleIndex(m, uid);
  const start = performance.now();
  const taskUids: number[] = [];
  for (let i = 0; i < docs.length; i += 1000) {
    const { data } = await meiliCall<{ taskUid: number }>(m, 'POST', `/indexes/${uid}/documents`, docs.slice(i, i + 1000), 60_000);
    taskUids.push(data.taskUid);
  }
  await waitForIdleIndex(m, uid);
  const seconds = (performance.now() - start) / 1000;
  const { data } = await meiliCall<{ results: { status: string; error?: { message: string } }[] }>(
    m,
    'GET',
    `/tasks?uids=${taskUids.join(',')}&statuses=failed,canceled&limit=1`,
  );
  if (data.results.length > 0)
    throw new Error(`indexing into ${uid} failed: ${data.results[0]!.error?.message ?? data.results[0]!.status}`);
  return seconds;
}

/**
 * Seconds Meilisearch alone needs to index `from`'s documents into a scratch index with the same
 * settings ({@link bulkLoad}): the floor under any reindex of those documents. With semantic search
 * on, the documents carry their vectors, as ours send them, so the floor indexes the same vectors
 * and embeds nothing. The scratch index is deleted afterwards.
 * @throws Error when a task fails.
 */
export async function indexingFloor(m: Meili, from: string): Promise<number> {
  const docs = await allDocuments(m, from);
  const { data: settings } = await meiliCall<Record<string, unknown>>(m, 'GET', `/indexes/${from}/settings`);
  const scratch = `${from}_floor`;
  const seconds = await bulkLoad(m, scratch, settings, docs).finally(() => meiliCall(m, 'DELETE', `/indexes/${scratch}`));
  if ((await documentCount(m, from)) !== docs.length) throw new Error(`${from} changed while measuring the floor`);
  return seconds;
}
