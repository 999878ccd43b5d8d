import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { freePort } from '@stackguide/test-kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_LISTED_CHANGES } from '@stackguide/contracts/build-hook';
import { BuildHook, type BuildHookOptions } from './build-hook.ts';
import { createLogger } from './logger.ts';
import { SyncQueue } from './queue.ts';
import { RebuildMark } from './rebuild-mark.ts';
import { startFakeSite, type FakeSite } from '../test/fake-site.ts';

const log = createLogger('silent', 2);
const until = async (what: string, check: () => boolean, timeoutMs = 5_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const article = (documentId: string) => ({ kind: 'article' as const, documentId });

let dir: string;
let queue: SyncQueue;
let site: FakeSite;
const hooks: BuildHook[] = [];
const fast: Partial<BuildHookOptions> = { debounceMs: 30, idleCheckMs: 50, retry: { baseMs: 20, maxMs: 40 } };
const hookFor = (over: { url?: string | undefined; queue?: SyncQueue } = {}) => {
  const url = 'url' in over ? over.url : site.url;
  const hook = new BuildHook(new RebuildMark((over.queue ?? queue).db), { url, secret: 'hook-secret', ...fast }, log);
  hooks.push(hook);
  return hook;
};

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-sync-hook-'));
  queue = new SyncQueue(dir);
  site = await startFakeSite();
});
afterEach(async () => {
  for (const hook of hooks.splice(0)) await hook.stop();
  queue.close();
  await site.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('BuildHook', () => {
  it('calls the hook once for a burst of changes, with the secret, the time of the last change and every changed document', async () => {
    const hook = hookFor();
    hook.start();
    hook.changed([article('a')], 1_000);
    hook.changed([article('b'), { kind: 'role', documentId: 'r' }], 2_000);
    hook.changed([article('a')], 3_000);
    expect(hook.owed()).toBe(true);
    await until('hook call', () => site.calls.length > 0);
    await pause(100);
    expect(site.calls).toHaveLength(1);
    expect(site.calls[0]?.authorization).toBe('Bearer hook-secret');
    expect(JSON.parse(site.calls[0]!.body)).toEqual({
      source: 'search-sync',
      changedAt: new Date(3_000).toISOString(),
      changes: [article('b'), { kind: 'role', documentId: 'r' }, article('a')],
    });
    expect(hook.owed()).toBe(false);
  });

  it('while held, calls the hook for nothing noted, then once for all of it after release', async () => {
    const hook = hookFor();
    hook.start();
    hook.hold();
    hook.changed([article('a')], 1_000);
    // Longer than the debounce and the idle check: a batch may take this long.
    await pause(200);
    hook.changed([{ kind: 'role', documentId: 'r' }], 2_000);
    expect(site.calls).toHaveLength(0);
    hook.release();
    await until('hook call', () => site.calls.length > 0);
    await pause(100);
    expect(site.calls).toHaveLength(1);
    expect(JSON.parse(site.calls[0]!.body)).toMatchObject({ changes: [article('a'), { kind: 'role', documentId: 'r' }] });
  });

  it('names no documents when it cannot (a change of everything, or more than the hook lists)', async () => {
    const hook = hookFor();
    hook.changed([article('a')], 1_000);
    hook.changed('all', 2_000);
    expect(await hook.flush()).toBe(true);
    expect(JSON.parse(site.calls[0]!.body)).toEqual({ source: 'search-sync', changedAt: new Date(2_000).toISOString() });
    hook.changed(
      Array.from({ length: MAX_LISTED_CHANGES + 1 }, (_, i) => article(`a${i}`)),
      3_000,
    );
    expect(await hook.flush()).toBe(true);
    expect(JSON.parse(site.calls[1]!.body)).not.toHaveProperty('changes');
    expect(hook.owed()).toBe(false);
  });

  it('never calls the hook when nothing changed', async () => {
    const hook = hookFor();
    hook.start();
    await pause(200);
    expect(site.calls).toEqual([]);
    expect(await hook.flush()).toBe(true);
    expect(site.calls).toEqual([]);
  });

  it('keeps the rebuild owed while the hook fails and retries until it answers 2xx', async () => {
    site.answer(503);
    const hook = hookFor();
    hook.start();
    hook.changed([article('a')], 5_000);
    await until('three failed calls', () => site.calls.length >= 3);
    expect(new RebuildMark(queue.db).get()).toMatchObject({ changedAt: 5_000, lastError: 'Error: HTTP 503', changes: [article('a')] });
    site.answer(202);
    await until('rebuild no longer owed', () => !hook.owed());
    const after = site.calls.length;
    await pause(150);
    expect(site.calls.length).toBe(after);
  });

  it('asks after a restart for a rebuild whose call failed before it', async () => {
    site.answer(503);
    const before = hookFor();
    before.changed([{ kind: 'skill', documentId: 's' }], 7_000);
    expect(await before.flush()).toBe(false);
    await before.stop();
    queue.close();

    site.answer(202);
    const reopened = new SyncQueue(dir);
    try {
      const after = hookFor({ queue: reopened });
      expect(after.owed()).toBe(true);
      after.start();
      await until('call after restart', () => site.calls.length === 2);
      expect(JSON.parse(site.calls[1]!.body)).toMatchObject({
        changedAt: new Date(7_000).toISOString(),
        changes: [{ kind: 'skill', documentId: 's' }],
      });
      await until('rebuild no longer owed', () => !after.owed());
    } finally {
      reopened.close();
      queue = new SyncQueue(dir);
    }
  });

  it('picks up a rebuild another process left owed', async () => {
    const service = hookFor();
    service.start();
    await pause(20);
    const cli = hookFor();
    site.answer(503);
    cli.changed('all', 9_000);
    expect(await cli.flush()).toBe(false);
    site.answer(202);
    await until('the service called the hook', () => site.calls.length >= 2 && !service.owed());
  });

  it('does not lose a change noted while a call is in flight, even of a document the call named', () => {
    const mark = new RebuildMark(queue.db);
    mark.set([article('a'), article('b')], 1_000);
    mark.set([article('a')], 2_000);
    mark.clear(1_000);
    expect(mark.get()).toMatchObject({ changedAt: 2_000, changes: [article('a')] });
    mark.set('all', 3_000);
    mark.clear(2_000);
    expect(mark.get()).toMatchObject({ changedAt: 3_000, changes: null });
    mark.clear(3_000);
    expect(mark.get()).toBeNull();
  });

  it('reads a rebuild an earlier version left owed (no documents named) as a change of everything', () => {
    queue.db.exec(
      'CREATE TABLE rebuild (id INTEGER PRIMARY KEY CHECK (id = 1), changed_at INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT)',
    );
    queue.db.prepare('INSERT INTO rebuild (id, changed_at) VALUES (1, 4000)').run();
    expect(new RebuildMark(queue.db).get()).toEqual({ changedAt: 4_000, attempts: 0, lastError: null, changes: null });
  });

  it('waits for flush() when not started, as a one-off command does', async () => {
    const hook = hookFor();
    hook.changed([article('a')], 4_000);
    await pause(150);
    expect(site.calls).toEqual([]);
    expect(await hook.flush()).toBe(true);
    expect(site.calls).toHaveLength(1);
    expect(hook.owed()).toBe(false);
  });

  it('logs a site that refuses connections after start as starting, not as a failure, until it has answered or the grace is over', async () => {
    const lines: { level: number; msg: string }[] = [];
    const logged = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const messages = (level: number) => lines.filter((l) => l.level === level).map((l) => l.msg);
    const port = await freePort();
    const starting = new BuildHook(
      new RebuildMark(queue.db),
      { url: `http://127.0.0.1:${port}/__hooks/build`, secret: 's', ...fast },
      logged,
    );
    hooks.push(starting);
    starting.changed('all');
    starting.start();
    await until('a refused call', () => messages(30).length > 0);
    expect(messages(30)[0]).toBe('site not up yet; the rebuild stays owed and is retried');
    expect(messages(40)).toEqual([]);
    await starting.stop();

    const late = new BuildHook(
      new RebuildMark(queue.db),
      { url: `http://127.0.0.1:${port}/__hooks/build`, secret: 's', ...fast, startupGraceMs: 0 },
      logged,
    );
    hooks.push(late);
    late.start();
    await until('a warning past the grace', () => messages(40).length > 0);
    expect(messages(40)[0]).toBe('site build hook failed; the rebuild stays owed and is retried');
    await late.stop();

    lines.length = 0;
    const answered = new BuildHook(new RebuildMark(queue.db), { url: site.url, secret: 's', ...fast }, logged);
    hooks.push(answered);
    answered.start();
    await until('the owed call answered', () => !answered.owed());
    await site.close();
    answered.changed([article('a')]);
    await until('a warning once the site had answered', () => messages(40).length > 0);
    expect(messages(30)).not.toContain('site not up yet; the rebuild stays owed and is retried');
  });

  it('notes nothing without a hook URL', async () => {
    const hook = hookFor({ url: undefined });
    hook.changed('all');
    hook.start();
    expect(hook.owed()).toBe(false);
    expect(await hook.flush()).toBe(true);
  });
});
