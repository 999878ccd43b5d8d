import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
  it('calls the hook once for a burst of changes, with the secret and the time of the last change', async () => {
    const hook = hookFor();
    hook.start();
    for (const at of [1_000, 2_000, 3_000]) hook.changed(at);
    expect(hook.owed()).toBe(true);
    await until('hook call', () => site.calls.length > 0);
    await pause(100);
    expect(site.calls).toHaveLength(1);
    expect(site.calls[0]?.authorization).toBe('Bearer hook-secret');
    expect(JSON.parse(site.calls[0]!.body)).toEqual({ source: 'search-sync', changedAt: new Date(3_000).toISOString() });
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
    hook.changed(5_000);
    await until('three failed calls', () => site.calls.length >= 3);
    expect(new RebuildMark(queue.db).get()).toMatchObject({ changedAt: 5_000, lastError: 'Error: HTTP 503' });
    site.answer(202);
    await until('rebuild no longer owed', () => !hook.owed());
    const after = site.calls.length;
    await pause(150);
    expect(site.calls.length).toBe(after);
  });

  it('asks after a restart for a rebuild whose call failed before it', async () => {
    site.answer(503);
    const before = hookFor();
    before.changed(7_000);
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
      expect(JSON.parse(site.calls[1]!.body)).toMatchObject({ changedAt: new Date(7_000).toISOString() });
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
    cli.changed(9_000);
    expect(await cli.flush()).toBe(false);
    site.answer(202);
    await until('the service called the hook', () => site.calls.length >= 2 && !service.owed());
  });

  it('does not lose a change noted while a call is in flight', () => {
    const mark = new RebuildMark(queue.db);
    mark.set(1_000);
    mark.set(2_000);
    mark.clear(1_000);
    expect(mark.get()?.changedAt).toBe(2_000);
    mark.clear(2_000);
    expect(mark.get()).toBeNull();
  });

  it('waits for flush() when not started, as a one-off command does', async () => {
    const hook = hookFor();
    hook.changed(4_000);
    await pause(150);
    expect(site.calls).toEqual([]);
    expect(await hook.flush()).toBe(true);
    expect(site.calls).toHaveLength(1);
    expect(hook.owed()).toBe(false);
  });

  it('notes nothing without a hook URL', async () => {
    const hook = hookFor({ url: undefined });
    hook.changed();
    hook.start();
    expect(hook.owed()).toBe(false);
    expect(await hook.flush()).toBe(true);
  });
});
