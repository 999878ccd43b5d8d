import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from '@stackguide/runtime';
import { INDEX_UID, SEARCH_KEY_UID } from '@stackguide/search-sync/contract';
import { REPO_ROOT } from '../src/paths.ts';
import { freePort, portInUse } from '../src/ports.ts';
import { descendants, running } from './process-tree.ts';

// The whole system: the first run may build the Strapi admin (minutes on 2 cores).
const STARTUP_TIMEOUT_MS = 15 * 60_000;
const parts = ['search-sync/src/cli.ts', 'site/server/serve.ts', 'stack/src/strapi-process.ts'];
const missing = parts.filter((file) => !fs.existsSync(path.join(REPO_ROOT, file)));

let dir: string | undefined;
let orchestrator: ChildProcess | undefined;
const seen = new Set<number>();

afterAll(async () => {
  if (orchestrator?.pid && running(orchestrator.pid)) {
    for (const pid of descendants(orchestrator.pid)) seen.add(pid);
    orchestrator.kill('SIGKILL');
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

describe.skipIf(missing.length > 0)(`npm start, end to end${missing.length ? ` (missing: ${missing.join(', ')})` : ''}`, () => {
  it('brings everything up, prints the table, serves search and the site, and Ctrl-C leaves no process', { timeout: STARTUP_TIMEOUT_MS + 120_000 }, async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stack-e2e-'));
    const treeBefore = workTree();
    const [strapi, sync, site, meili] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      STACKGUIDE_DATA_DIR: path.join(dir, 'data'),
      STACKGUIDE_ENV_FILE: path.join(dir, '.env'),
      NO_COLOR: '1',
      STRAPI_PORT: String(strapi),
      STRAPI_URL: `http://127.0.0.1:${strapi}`,
      SEARCH_SYNC_PORT: String(sync),
      SEARCH_SYNC_URL: `http://127.0.0.1:${sync}/webhooks/strapi`,
      SITE_PORT: String(site),
      SITE_URL: `http://127.0.0.1:${site}`,
      SITE_BUILD_HOOK_URL: `http://127.0.0.1:${site}/__hooks/build`,
      MEILI_PORT: String(meili),
      MEILI_URL: '',
      MEILI_PUBLIC_URL: '',
    };
    const proc = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'stack/src/start.ts')], {
      cwd: path.join(REPO_ROOT, 'stack'),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    orchestrator = proc;
    let output = '';
    proc.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    proc.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | string>((resolve) => proc.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));

    const outcome = await Promise.race([
      waitFor('the URL table', () => output.includes('Stackguide is running'), { timeoutMs: STARTUP_TIMEOUT_MS, intervalMs: 500, isAlive: () => proc.exitCode === null && proc.signalCode === null }).then(
        () => 'up' as const,
        (err: Error) => err.message,
      ),
      exited.then((code) => `exited ${code}` as const),
    ]);
    expect(outcome, output.slice(-4000)).toBe('up');

    expect(fs.statSync(path.join(dir, '.env')).mode & 0o777).toBe(0o600);
    const secrets = parseEnv(fs.readFileSync(path.join(dir, '.env'), 'utf8'));
    expect(output).toMatch(new RegExp(`Admin +http://127\\.0\\.0\\.1:${strapi}/admin +log in as \\S+, password: ADMIN_PASSWORD in`));
    expect(output).toMatch(new RegExp(`Site +http://127\\.0\\.0\\.1:${site}`));
    expect(output).toMatch(new RegExp(`Meilisearch +http://127\\.0\\.0\\.1:${meili}`));
    expect(output).toMatch(/^cms +\| /m);
    expect(output).toMatch(/^search-sync \| /m);
    expect(fs.existsSync(path.join(dir, 'data', 'logs', 'cms.log'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'data', 'cms.db'))).toBe(true);

    // A published article, as the CMS serves it with the read-only token.
    const articles = (await (
      await fetch(`http://127.0.0.1:${strapi}/api/articles?pagination[pageSize]=1&sort=publishedAt:desc`, {
        headers: { Authorization: `Bearer ${secrets.STRAPI_READ_TOKEN}` },
      })
    ).json()) as { data: { documentId: string; slug: string; title: string }[] };
    const article = articles.data[0];
    expect(article).toBeDefined();

    // The site lists it.
    const home = await fetch(`http://127.0.0.1:${site}/`);
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toContain(article?.slug);
    expect(html).not.toContain(secrets.MEILI_MASTER_KEY);

    // Meilisearch finds it with the search-only key, which can do nothing else.
    const keyRes = await fetch(`http://127.0.0.1:${meili}/keys/${SEARCH_KEY_UID}`, {
      headers: { Authorization: `Bearer ${secrets.MEILI_MASTER_KEY}` },
    });
    const searchKey = ((await keyRes.json()) as { key: string }).key;
    const word = (article?.title ?? '').split(/\W+/).filter((w) => w.length > 4)[0] ?? article?.title;
    const search = await fetch(`http://127.0.0.1:${meili}/indexes/${INDEX_UID}/search`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${searchKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ q: word, limit: 20 }),
    });
    expect(search.status).toBe(200);
    const hits = ((await search.json()) as { hits: { id: string }[] }).hits.map((hit) => hit.id);
    expect(hits).toContain(article?.documentId);
    const forbidden = await fetch(`http://127.0.0.1:${meili}/keys`, { headers: { Authorization: `Bearer ${searchKey}` } });
    expect(forbidden.status).toBe(403);

    // Ctrl-C: everything stops, nothing is left behind.
    const family = descendants(proc.pid ?? 0);
    for (const pid of family) seen.add(pid);
    expect(family.length).toBeGreaterThanOrEqual(4);
    proc.kill('SIGINT');
    expect(await exited).toBe(0);
    for (const pid of family) expect(await gone(pid), `pid ${pid} survived Ctrl-C`).toBe(true);
    for (const port of [strapi, sync, site, meili]) expect(await portInUse(port), `port ${port}`).toBe(false);
    expect(output).toContain('all parts stopped');
    // Running the system leaves the git work tree as it found it.
    expect(workTree()).toEqual(treeBefore);
  });
});

/** True once the process has exited (within 10 s). */
const gone = (pid: number): Promise<boolean> =>
  waitFor(`pid ${pid} to exit`, () => !running(pid), { timeoutMs: 10_000 }).then(
    () => true,
    () => false,
  );

/** `git status --porcelain`, and the modification time of every tracked file (a rewrite with equal content counts too). */
function workTree(): { status: string; mtimes: Record<string, number> } {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' });
  const mtimes = git('ls-files', '-z').split('\0').filter(Boolean).map((file) => [file, fs.statSync(path.join(REPO_ROOT, file), { throwIfNoEntry: false })?.mtimeMs ?? 0]);
  return { status: git('status', '--porcelain'), mtimes: Object.fromEntries(mtimes) };
}
