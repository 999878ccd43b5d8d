import { REPO_ROOT, waitFor } from '@stackguide/runtime';
import { freePort, portInUse, resolveBin, descendants, running } from '@stackguide/launch';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { adminClient, type AdminClient } from '@stackguide/test-kit';
import type { DocumentState } from '@stackguide/contracts/search-sync-admin';
import type { SiteArticleStatus } from '@stackguide/contracts/site-status';
import { afterAll, describe, expect, it } from 'vitest';
import { INDEX_UID, SEARCH_KEY_UID } from '@stackguide/contracts/search-index';
import { npmStart, partPid, stackEnv, survivors, type NpmStart, type Ports } from './npm-start.ts';

type Answer<T> = { ok: true; data: T } | { ok: false; error: string };
/** What the CMS's Search & site plugin answers for one article (`GET /search-site/articles/:documentId`). */
type ArticleStatus = { search: Answer<DocumentState>; site: Answer<SiteArticleStatus> };

// The whole system: the first run may build the Strapi admin, which takes minutes.
const STARTUP_TIMEOUT_MS = 15 * 60_000;
/** What the issue allows for a stop, and what `docker stop` waits before SIGKILL. */
const STOP_MS = 10_000;
/**
 * The entries `npm start` runs as processes, found as it finds them (the workspaces' declared bins;
 * Strapi through launch's startStrapi, which this file imports): one that cannot be found fails the
 * file at once, naming the package.json to fix, rather than skipping it.
 */
const parts = {
  searchSync: resolveBin('@stackguide/search-sync').file,
  site: resolveBin('@stackguide/site').file,
};

let dir = '';
let ports: Ports;
let env: NodeJS.ProcessEnv;
let secrets: Record<string, string | undefined>;
let run: NpmStart | undefined;
const treeBefore = workTree();
let admin: AdminClient;
const seen = new Set<number>();

afterAll(() => {
  if (run && running(run.pid)) {
    for (const pid of descendants(run.pid)) seen.add(pid);
    run.proc.kill('SIGKILL');
  }
  for (const pid of seen) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const url = (port: number, route = '') => `http://127.0.0.1:${port}${route}`;

async function searchIds(q: string, key = secrets.MEILI_MASTER_KEY): Promise<string[]> {
  const res = await fetch(url(ports.meili, `/indexes/${INDEX_UID}/search`), {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ q, limit: 100 }),
  });
  if (!res.ok) throw new Error(`search for ${q}: HTTP ${res.status}`);
  return ((await res.json()) as { hits: { id: string }[] }).hits.map((hit) => hit.id);
}

/** Publishes an article about `animal` through the admin API, as an editor does. */
async function publish(animal: string): Promise<{ documentId: string; slug: string }> {
  const slug = `${animal}-restart-notes`;
  const body = [{ type: 'paragraph', children: [{ type: 'text', text: `What the ${animal} team learned from a crashed part.` }] }];
  const { documentId } = await admin.createArticle(
    {
      title: `${animal} restart notes`,
      slug,
      excerpt: `What the ${animal} team wrote down after a part crashed.`,
      body,
      authorName: 'Test',
    },
    { publish: true },
  );
  return { documentId, slug };
}

const searchable = (q: string, documentId: string) =>
  waitFor(`${q} to be searchable`, async () => (await searchIds(q)).includes(documentId), { timeoutMs: 120_000, intervalMs: 500 });

/** Runs `fn` while a listener that drops every connection occupies the port, so a part restarted on it fails. */
async function whileHeld<T>(port: number, fn: () => Promise<T>): Promise<T> {
  const server = net.createServer((socket) => socket.destroy());
  // A killed process shows as a zombie while its other threads still exit and hold its sockets; the
  // supervisor restarts it only 1 s after the whole process is gone.
  await waitFor(
    `port ${port} to be ours`,
    () => new Promise<boolean>((resolve) => server.once('error', () => resolve(false)).listen(port, '127.0.0.1', () => resolve(true))),
    {
      timeoutMs: 900,
      intervalMs: 20,
    },
  );
  try {
    return await fn();
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Kills one part of the running system like `kill -9 <pid>` and waits until it is gone. */
async function crash(marker: string): Promise<void> {
  const pid = partPid(run!.pid, marker);
  process.kill(pid, 'SIGKILL');
  expect(await survivors([pid], 5_000)).toEqual([]);
}

async function startAndWait(text: string): Promise<NpmStart> {
  run = npmStart(env);
  await run.waitForOutput(text, STARTUP_TIMEOUT_MS);
  return run;
}

/** Every process under npm start, remembered for the clean-up should the test fail. */
function family(root: number): number[] {
  const pids = descendants(root);
  for (const pid of pids) seen.add(pid);
  return pids;
}

async function openPorts(): Promise<number[]> {
  const open: number[] = [];
  for (const port of Object.values(ports)) if (await portInUse(port)) open.push(port);
  return open;
}

describe('npm start, end to end', () => {
  it('brings everything up, prints the table, serves search and the site', { timeout: STARTUP_TIMEOUT_MS + 120_000 }, async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stack-e2e-'));
    ports = {
      strapi: await freePort(),
      sync: await freePort(),
      site: await freePort(),
      meili: await freePort(),
      embedder: await freePort(),
    };
    env = stackEnv(dir, ports);
    const output = (await startAndWait('Stackguide is running')).output();

    expect(fs.statSync(path.join(dir, '.env')).mode & 0o777).toBe(0o600);
    secrets = parseEnv(fs.readFileSync(path.join(dir, '.env'), 'utf8'));
    expect(output).toMatch(new RegExp(`Admin +http://127\\.0\\.0\\.1:${ports.strapi}/admin +log in as \\S+, password: ADMIN_PASSWORD in`));
    expect(output).toMatch(new RegExp(`Site +http://127\\.0\\.0\\.1:${ports.site}`));
    expect(output).toMatch(new RegExp(`Meilisearch +http://127\\.0\\.0\\.1:${ports.meili}`));
    expect(output).toMatch(new RegExp(`Embedder +http://127\\.0\\.0\\.1:${ports.embedder}/health`));
    expect(output).toMatch(/^cms +\| /m);
    expect(output).toMatch(/^search-sync \| /m);
    expect(fs.existsSync(path.join(dir, 'data', 'logs', 'cms.log'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'data', 'cms.db'))).toBe(true);

    // A published article, as the CMS serves it with the read-only token.
    const articles = (await (
      await fetch(url(ports.strapi, '/api/articles?pagination[pageSize]=1&sort=publishedAt:desc'), {
        headers: { Authorization: `Bearer ${secrets.STRAPI_READ_TOKEN}` },
      })
    ).json()) as { data: { documentId: string; slug: string; title: string }[] };
    const article = articles.data[0];
    expect(article).toBeDefined();

    // The site lists it.
    const home = await fetch(url(ports.site, '/'));
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toContain(article?.slug);
    expect(html).not.toContain(secrets.MEILI_MASTER_KEY);

    // Meilisearch finds it with the search-only key, which can do nothing else.
    const keyRes = await fetch(url(ports.meili, `/keys/${SEARCH_KEY_UID}`), {
      headers: { Authorization: `Bearer ${secrets.MEILI_MASTER_KEY}` },
    });
    const searchKey = ((await keyRes.json()) as { key: string }).key;
    const word = (article?.title ?? '').split(/\W+/).filter((w) => w.length > 4)[0] ?? article?.title ?? '';
    expect(await searchIds(word, searchKey)).toContain(article?.documentId);
    const forbidden = await fetch(url(ports.meili, '/keys'), { headers: { Authorization: `Bearer ${searchKey}` } });
    expect(forbidden.status).toBe(403);

    admin = await adminClient(url(ports.strapi), secrets.ADMIN_EMAIL ?? '', secrets.ADMIN_PASSWORD ?? '');
  });

  it('restarts a killed Meilisearch while editors keep publishing and the site keeps serving; nothing is lost', {
    timeout: 300_000,
  }, async () => {
    await crash('meilisearch-linux-amd64');
    // Holding its port makes the first restart fail as well, so the publish below surely finds it down.
    const okapi = await whileHeld(ports.meili, async () => {
      const article = await publish('okapi');
      expect((await fetch(url(ports.site, '/'))).status).toBe(200);
      await run!.waitForOutput('meilisearch did not come back up', 60_000);
      return article;
    });
    await run!.waitForOutput('meilisearch is back up', 120_000);
    await searchable('okapi', okapi.documentId);
    expect(run!.output()).toContain('meilisearch was killed by SIGKILL; restarting it in 1 s (crash 1; the other parts keep running)');
    expect(run!.output()).not.toContain('✖');
  });

  it('restarts a killed embedder while keyword search keeps answering', { timeout: 300_000 }, async () => {
    await crash(resolveBin('@stackguide/embedder').file);
    expect(await searchIds('developer')).not.toEqual([]);
    await run!.waitForOutput('embedder is back up', 240_000);
    expect((await fetch(url(ports.embedder, '/health'))).status).toBe(200);
    expect(run!.output()).toContain('embedder was killed by SIGKILL; restarting it in 1 s');
  });

  it('restarts a killed search-sync; what was published while it was down is indexed', { timeout: 300_000 }, async () => {
    await crash(parts.searchSync);
    const quokka = await whileHeld(ports.sync, async () => {
      const article = await publish('quokka');
      expect((await fetch(url(ports.site, '/'))).status).toBe(200);
      await run!.waitForOutput('search-sync did not come back up', 120_000);
      return article;
    });
    await run!.waitForOutput('search-sync is back up', 120_000);
    await searchable('quokka', quokka.documentId);
    expect(await searchIds('okapi')).toHaveLength(1);
  });

  it('restarts a killed site server; it serves again, with what was published meanwhile', { timeout: 600_000 }, async () => {
    await crash(parts.site);
    const axolotl = await publish('axolotl');
    await searchable('axolotl', axolotl.documentId);
    await run!.waitForOutput('site is back up', 420_000);
    expect((await fetch(url(ports.site, '/'))).status).toBe(200);
    await waitFor('the new article on the site', async () => (await fetch(url(ports.site, `/articles/${axolotl.slug}/`))).status === 200, {
      timeoutMs: 180_000,
      intervalMs: 1_000,
    });
    expect(run!.output()).not.toContain('✖');
    // The editors' status panel asks the real search-sync and the real site server through the CMS.
    const panel = await admin.request<ArticleStatus>('GET', `/search-site/articles/${axolotl.documentId}`);
    expect(panel.search).toMatchObject({ ok: true, data: { state: 'indexed' } });
    expect(panel.site).toMatchObject({ ok: true, data: { inBuild: true } });
    // Nothing lost on the way: the index holds every published article, no more, no less.
    const published = await fetch(url(ports.strapi, '/api/articles?pagination[pageSize]=100&fields[0]=title'), {
      headers: { Authorization: `Bearer ${secrets.STRAPI_READ_TOKEN}` },
    });
    const ids = ((await published.json()) as { data: { documentId: string }[] }).data.map((article) => article.documentId);
    expect((await searchIds('')).sort()).toEqual(ids.sort());
  });

  it('SIGTERM to the npm start PID alone stops every process within 10 s, and the work tree is as it was', {
    timeout: 120_000,
  }, async () => {
    const current = run!;
    const pids = family(current.pid);
    expect(pids.length).toBeGreaterThanOrEqual(6);
    process.kill(current.pid, 'SIGTERM');
    expect(await survivors([current.pid, ...pids], STOP_MS)).toEqual([]);
    expect(await current.exited).toBe(0);
    expect(await openPorts()).toEqual([]);
    expect(current.output()).toContain('SIGTERM received; stopping every part');
    expect(current.output()).toContain('all parts stopped');
    // Running the system leaves the git work tree as it found it.
    expect(workTree()).toEqual(treeBefore);
  });

  it('Ctrl-C (SIGINT to the whole process group) stops everything once, without the relayed copies killing', {
    timeout: STARTUP_TIMEOUT_MS,
  }, async () => {
    const current = await startAndWait('Stackguide is running');
    const pids = family(current.pid);
    process.kill(-current.pid, 'SIGINT');
    expect(await survivors([current.pid, ...pids], STOP_MS)).toEqual([]);
    expect(await current.exited).toBe(0);
    expect(await openPorts()).toEqual([]);
    expect(current.output()).toContain('all parts stopped');
    expect(current.output()).not.toContain('received again');
  });

  it('SIGKILL of the orchestrator: its parts die with it', { timeout: STARTUP_TIMEOUT_MS }, async () => {
    const current = await startAndWait('search-sync is up');
    const orchestrator = partPid(current.pid, 'tsx src/start.ts');
    const pids = family(orchestrator);
    expect(pids.length).toBeGreaterThanOrEqual(3);
    process.kill(orchestrator, 'SIGKILL');
    // The lifeline gives them 5 s for SIGTERM before it SIGKILLs.
    expect(await survivors(pids, 15_000)).toEqual([]);
    expect(await openPorts()).toEqual([]);
    await current.exited;
  });
});

/** `git status --porcelain`, and the modification time of every tracked file (a rewrite with equal content counts too). */
function workTree(): { status: string; mtimes: Record<string, number> } {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' });
  const mtimes = git('ls-files', '-z')
    .split('\0')
    .filter(Boolean)
    .map((file) => [file, fs.statSync(path.join(REPO_ROOT, file), { throwIfNoEntry: false })?.mtimeMs ?? 0]);
  return { status: git('status', '--porcelain'), mtimes: Object.fromEntries(mtimes) };
}
