import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EMBEDDER, embedderSettings } from '@stackguide/contracts/search-index';
import { type EmbedderProcess, type MeiliProcess, startMeili, startTestEmbedder, waitFor } from '@stackguide/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const MASTER_KEY = 'embedder-test-master-key-0123';
const API_KEY = 'embedder-test-api-key-0123456';
const INDEX = 'roles';
/** Role descriptions; each query below shares no content word with its target. */
const DOCS = [
  { id: 'frontend', title: 'Frontend developer', excerpt: 'Builds the user interface people click, tap and read in the browser.' },
  { id: 'backend', title: 'Backend developer', excerpt: 'Builds the APIs, databases and services behind a web application.' },
  { id: 'designer', title: 'Product designer', excerpt: 'Researches what users need and draws the screens and flows.' },
  { id: 'manager', title: 'Engineering manager', excerpt: 'Hires, coaches and organises a team of engineers.' },
  { id: 'devops', title: 'Site reliability engineer', excerpt: 'Keeps production running: deployments, monitoring, incidents.' },
];

let dir = '';
let meili: MeiliProcess;
let embedder: EmbedderProcess;

const meiliRequest = async (method: string, route: string, body?: unknown) => {
  const res = await fetch(`${meili.url}${route}`, {
    method,
    headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${method} ${route}: HTTP ${res.status} ${JSON.stringify(json)}`);
  return json;
};
const settled = async (task: Record<string, unknown>) => {
  const done = await waitFor(
    `task ${task.taskUid}`,
    async () => {
      const t = await meiliRequest('GET', `/tasks/${task.taskUid}`);
      return t.status === 'succeeded' || t.status === 'failed' ? t : undefined;
    },
    { timeoutMs: 120_000, intervalMs: 100 },
  );
  expect(done).toMatchObject({ status: 'succeeded' });
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'embedder-meili-'));
  [meili, embedder] = await Promise.all([startMeili({ dataDir: dir, masterKey: MASTER_KEY }), startTestEmbedder({ apiKey: API_KEY })]);
  await settled(await meiliRequest('POST', '/indexes', { uid: INDEX, primaryKey: 'id' }));
  await settled(await meiliRequest('PATCH', `/indexes/${INDEX}/settings`, { embedders: embedderSettings(embedder.url, API_KEY) }));
  // Without `_vectors`, Meilisearch embeds these through the same rest embedder as the queries.
  await settled(await meiliRequest('POST', `/indexes/${INDEX}/documents`, DOCS));
});
afterAll(async () => {
  await Promise.all([meili?.stop(), embedder?.stop()]);
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("Meilisearch's rest embedder against the real embedder", () => {
  it.each([
    ['people who make what you click on a web page', 'frontend'],
    ['who looks after servers when the site goes down at night', 'devops'],
    ['someone who leads programmers and helps them grow', 'manager'],
  ])('finds the role a paraphrase means: "%s"', async (q, id) => {
    const result = await meiliRequest('POST', `/indexes/${INDEX}/search`, {
      q,
      hybrid: { embedder: EMBEDDER, semanticRatio: 1 },
      limit: 3,
    });
    expect((result.hits as { id: string }[])[0]?.id).toBe(id);
  });

  it('is refused without the key Meilisearch was given', async () => {
    const res = await fetch(`${embedder.url}/embed`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input: ['x'] }),
    });
    expect(res.status).toBe(401);
  });
});
