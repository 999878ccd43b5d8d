import type { FeedArticle } from '@stackguide/contracts/index-feed';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startMeili, type MeiliProcess, type TestCms } from '@stackguide/test-kit';
import type { Config } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { Service, type ServiceOptions } from '../src/service.ts';

export const MASTER_KEY = 'test-master-key-0123456789abcdef';
export const WEBHOOK_SECRET = 'test-webhook-secret';
export const silentLog = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent', 2);

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `search-sync-${prefix}-`));
}

/** A real Meilisearch on a random port with its data in `dir`. */
export function startTestMeili(dir: string, port?: number): Promise<MeiliProcess> {
  return startMeili({ dataDir: path.join(dir, 'meili'), masterKey: MASTER_KEY, port });
}

/** Published article number `n` as the index feed answers it (`doc000n`, one role, one skill). */
export function makeArticle(n: number, over: Partial<FeedArticle> = {}): FeedArticle {
  const stamp = new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString();
  return {
    id: n,
    documentId: `doc${String(n).padStart(4, '0')}`,
    title: `Zebra handbook article ${n}`,
    slug: `zebra-article-${n}`,
    excerpt: `Excerpt ${n}`,
    body: [{ type: 'paragraph', children: [{ type: 'text', text: `Body of article ${n} about queues.` }] }],
    updatedAt: stamp,
    publishedAt: stamp,
    firstPublishedAt: null,
    roles: [{ documentId: 'role-backend', name: 'Backend developer', slug: 'backend-developer' }],
    skills: [{ documentId: 'skill-pg', name: 'PostgreSQL', slug: 'postgresql' }],
    ...over,
  };
}

/** Published role number `n` as the REST API answers it, with two salary bands (`role000n`). */
export function makeRole(n: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  const band = { region: 'Germany', currency: 'EUR', period: 'month', sourceNote: `Survey ${n}.` };
  return {
    id: n,
    documentId: `role${String(n).padStart(4, '0')}`,
    name: `Zebra keeper ${n}`,
    slug: `zebra-keeper-${n}`,
    tagline: 'Keeps the zebras fed.',
    summary: 'Feeds, counts and calms zebras.',
    responsibilities: [{ id: 1, title: 'Feed the herd', description: 'Twice a day.' }],
    salaryBands: [
      { id: 1, ...band, level: 'entry', min: 2000 + n, max: 3000 + n },
      { id: 2, ...band, level: 'lead', min: 5000 + n, max: null },
    ],
    skills: [],
    updatedAt: new Date(Date.UTC(2026, 0, 2, 0, 0, n)).toISOString(),
    ...over,
  };
}

/** Published skill number `n` as the REST API answers it (`skill000n`). */
export function makeSkill(n: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: n,
    documentId: `skill${String(n).padStart(4, '0')}`,
    name: `Zebra whispering ${n}`,
    slug: `zebra-whispering-${n}`,
    category: 'practice',
    description: 'Talking zebras into the stable.',
    updatedAt: new Date(Date.UTC(2026, 0, 3, 0, 0, n)).toISOString(),
    ...over,
  };
}

/**
 * Starts a Service the way `search-sync serve` does, polling every 100 ms and retrying 100 ms–1 s
 * apart unless `opts` says otherwise, so a test waits tenths of a second for the processor, not
 * seconds. Resolves with the service and its base URL.
 */
export async function startService(config: Config, opts: ServiceOptions = {}): Promise<{ service: Service; base: string }> {
  const service = new Service(config, silentLog, { backoff: { baseMs: 100, maxMs: 1_000 }, pollMs: 100, ...opts });
  return { service, base: `http://127.0.0.1:${await service.start()}` };
}

export function testConfig(over: Partial<Config> & Pick<Config, 'strapiUrl' | 'strapiToken' | 'meiliUrl' | 'dataDir'>): Config {
  return {
    webhookSecret: WEBHOOK_SECRET,
    meiliMasterKey: MASTER_KEY,
    meiliPublicUrl: over.meiliUrl,
    host: '127.0.0.1',
    port: 0,
    reconcileIntervalMs: 600_000,
    buildHookUrl: undefined,
    buildHookSecret: undefined,
    adminSecret: undefined,
    siteOrigin: 'http://127.0.0.1:4321',
    embedder: undefined,
    logLevel: 'silent',
    ...over,
  };
}

/** search-sync's config against a real CMS (its read token and webhook secret) and Meilisearch, the queue under `dir`. */
export function cmsSyncConfig(cms: TestCms, meiliUrl: string, dir: string, port: number, over: Partial<Config> = {}): Config {
  return testConfig({
    strapiUrl: cms.url,
    strapiToken: cms.readToken,
    webhookSecret: cms.env.WEBHOOK_SECRET!,
    meiliUrl,
    dataDir: `${dir}/queue`,
    port,
    ...over,
  });
}

export function webhook(url: string, body: unknown, secret = WEBHOOK_SECRET): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export const articleEvent = (documentId: string, event = 'entry.publish') => ({
  event,
  createdAt: new Date().toISOString(),
  model: 'article',
  uid: 'api::article.article',
  entry: { id: 1, documentId },
});
