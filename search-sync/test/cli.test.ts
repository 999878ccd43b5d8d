import type { FeedArticle } from '@stackguide/contracts/index-feed';
import fs from 'node:fs';
import path from 'node:path';
import {
  freePort,
  runBin,
  spawnBin,
  startFakeStrapi,
  waitFor,
  waitForHttp,
  type Child,
  type FakeStrapi,
  type MeiliProcess,
  childEnv,
} from '@stackguide/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDEX_UID, INDEX_UIDS } from '@stackguide/contracts/search-index';
import { createMeili } from '../src/meili.ts';
import { SyncQueue } from '../src/queue.ts';

import { MASTER_KEY, WEBHOOK_SECRET, articleEvent, makeArticle, startTestMeili, tempDir, webhook } from './helpers.ts';
import { startFakeSite } from './fake-site.ts';

const PACKAGE = '@stackguide/search-sync';

let dir: string;
let meiliProc: MeiliProcess;
let strapi: FakeStrapi<FeedArticle>;
let env: NodeJS.ProcessEnv;
let port: number;
const children: Child[] = [];

const runCli = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) => runBin(PACKAGE, args, { env: { ...env, ...extraEnv } });

/** Runs the declared `search-sync` bin and expects it to succeed. */
async function cli(args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  const result = await runCli(args, extraEnv);
  if (result.code !== 0) throw new Error(`search-sync ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return result;
}

function serve(extraEnv: NodeJS.ProcessEnv = {}): Child {
  const child = spawnBin(PACKAGE, ['serve'], { env: { ...env, ...extraEnv } });
  children.push(child);
  return child;
}

beforeAll(async () => {
  dir = tempDir('cli');
  strapi = await startFakeStrapi<FeedArticle>();
  for (let n = 1; n <= 3; n++) strapi.put(makeArticle(n));
  meiliProc = await startTestMeili(dir);
  port = await freePort();
  env = childEnv({
    STRAPI_URL: strapi.url,
    STRAPI_READ_TOKEN: strapi.token,
    WEBHOOK_SECRET,
    MEILI_URL: meiliProc.url,
    MEILI_MASTER_KEY: MASTER_KEY,
    MEILI_PUBLIC_URL: 'https://search.example.test',
    SEARCH_SYNC_HOST: '127.0.0.1',
    SEARCH_SYNC_PORT: String(port),
    SEARCH_SYNC_DATA_DIR: path.join(dir, 'queue'),
    RECONCILE_INTERVAL: '10m',
    SITE_BUILD_HOOK_URL: '',
    BUILD_HOOK_SECRET: '',
    LOG_LEVEL: 'warn',
  });
});
afterAll(async () => {
  for (const child of children) await child.stop();
  await meiliProc?.stop();
  await strapi?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('search-sync CLI', () => {
  it('`keys --json` prints exactly one JSON line on stdout', async () => {
    const { stdout } = await cli(['keys', '--json']);
    const lines = stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    const keys = JSON.parse(lines[0]!) as Record<string, string>;
    expect(keys).toEqual({ indexUid: INDEX_UID, searchKey: expect.stringMatching(/^[0-9a-f]{64}$/), url: 'https://search.example.test' });
    expect(JSON.parse((await cli(['keys', '--json'])).stdout)).toEqual(keys);
  });

  it('fails with a one-line cause and exit code 1 on bad configuration', async () => {
    const result = await runCli(['status'], { MEILI_URL: 'not a url' });
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(/^search-sync: ConfigError: Invalid configuration[\s\S]*MEILI_URL must be an http\(s\) URL/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('a worker killed with items queued drains them after a restart', async () => {
    const first = serve();
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/health`, { timeoutMs: 30_000, isAlive: first.alive });
    await waitFor('ready', async () => ((await (await fetch(`${base}/status`)).json()) as { ready: boolean }).ready);

    strapi.hold();
    for (let n = 200; n < 210; n++) {
      strapi.put(makeArticle(n, { title: `Pangolin ${n}` }));
      expect((await webhook(`${base}/webhooks/strapi`, articleEvent(makeArticle(n).documentId))).status).toBe(202);
    }
    process.kill(-first.process.pid!, 'SIGKILL');
    await first.exited;
    strapi.release();

    const queue = new SyncQueue(path.join(dir, 'queue'));
    try {
      expect(queue.depth()).toBe(10);
    } finally {
      queue.close();
    }

    const second = serve();
    await waitForHttp(`${base}/health`, { timeoutMs: 30_000, isAlive: second.alive });
    const meili = createMeili(meiliProc.url, MASTER_KEY);
    await waitFor('all 10 searchable', async () => (await meili.index(INDEX_UID).search('pangolin')).hits.length === 10);
    const status = await waitFor('drained', async () => {
      const body = (await (await fetch(`${base}/status`)).json()) as { queueDepth: number; ready: boolean };
      return body.queueDepth === 0 && body.ready ? body : undefined;
    });
    expect(status).toMatchObject({ queueDepth: 0, ready: true, deadLetters: [] });

    // Searches three visitors reported (as a proxy on a private network forwards them) show in `status` beside what it says.
    const report = (event: Record<string, unknown>, visitor: number) =>
      fetch(`${base}/analytics`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${visitor}` },
        body: JSON.stringify(event),
      });
    for (const [visitor, results] of [2, 0, 0, 0, 4].entries())
      expect((await report({ type: 'search', q: results ? 'Pangolin' : 'aardvark', results }, visitor % 3)).status).toBe(204);
    await report({ type: 'search', q: 'pangolin', results: 3 }, 2);
    await report({ type: 'click', q: 'pangolin', results: 3, position: 1 }, 2);
    const cliStatus = JSON.parse((await cli(['status', '--json'])).stdout) as Record<string, unknown>;
    expect(cliStatus).toMatchObject({
      service: 'running',
      ready: true,
      queueDepth: 0,
      searchAnalytics: {
        days: 30,
        topQueries: [
          { query: 'aardvark', searches: 3, avgResults: 0, clicks: 0 },
          { query: 'pangolin', searches: 3, avgResults: 3, clicks: 1 },
        ],
        zeroResultQueries: [{ query: 'aardvark', searches: 3 }],
        clickThrough: { searches: 6, clicks: 1, rate: 0.167, byPosition: [1] },
      },
    });

    await second.stop();
    expect(await second.exited).toBe(0);
  });

  it('`reindex` prints plain progress lines when not on a terminal and the result as JSON', async () => {
    const { stdout, stderr } = await cli(['reindex', '--json']);
    expect(stderr).toMatch(/^reindex 13\/13 [\d.]+ docs\/s ETA \S+ \(loading\)$/m);
    expect(stderr).toMatch(/^reindex 13\/13 .* \(done\)$/m);
    const result = JSON.parse(stdout) as { reindex: { state: string; done: number }; reconcile: { missing: number; stillQueued: number } };
    expect(result).toMatchObject({ reindex: { state: 'done', done: 13 }, reconcile: { missing: 0, stillQueued: 0 } });
    const meili = createMeili(meiliProc.url, MASTER_KEY);
    expect((await meili.getRawIndexes()).results.map((i) => i.uid).sort()).toEqual([...INDEX_UIDS].sort());
  });

  it('`reconcile` asks the site for a rebuild only when it changed the index, and leaves it owed for `serve` when the site does not answer', async () => {
    const site = await startFakeSite();
    const hookEnv = { SITE_BUILD_HOOK_URL: site.url, BUILD_HOOK_SECRET: 'hook-secret-0123456789' };
    const statuses = () => site.calls.map((c) => c.status);
    const reconcile = async () =>
      JSON.parse((await cli(['reconcile', '--json'], hookEnv)).stdout) as { orphans: number; siteRebuild: string };
    try {
      strapi.remove(makeArticle(1).documentId);
      expect(await reconcile()).toMatchObject({ orphans: 1, siteRebuild: 'requested' });
      expect(statuses()).toEqual([202]);
      expect(await reconcile()).toMatchObject({ orphans: 0, siteRebuild: 'not needed' });
      expect(statuses()).toEqual([202]);

      site.answer(503);
      strapi.remove(makeArticle(2).documentId);
      expect((await reconcile()).siteRebuild).toMatch(/^owed/);
      const offline = JSON.parse((await cli(['status', '--json'])).stdout) as {
        service: string;
        siteRebuildPending: { failedCalls: number } | null;
      };
      expect(offline).toMatchObject({ service: 'not running', siteRebuildPending: { failedCalls: 1 } });

      site.answer(202);
      const worker = serve(hookEnv);
      await waitFor('serve made the owed call', () => statuses().join() === '202,503,202');
      await worker.stop();
      expect(JSON.parse((await cli(['status', '--json'])).stdout)).toMatchObject({ siteRebuildPending: null });
    } finally {
      await site.close();
    }
  });
});
