import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startMeili, type MeiliProcess } from '@stackguide/stack/meili-process';
import type { Config } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';

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
    logLevel: 'silent',
    ...over,
  };
}

/** Polls `check` until it returns a truthy value. @throws with `what` when `timeoutMs` passes. */
export async function waitFor<T>(what: string, check: () => Promise<T> | T, timeoutMs = 30_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last instanceof Error ? ` (last error: ${last.message})` : ''}`);
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
