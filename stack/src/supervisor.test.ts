import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitFor } from '@stackguide/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnChild, stopAll, type Child } from './child.ts';
import { StartupError } from './startup-error.ts';
import { Supervisor } from './supervisor.ts';

// A child that starts a grandchild in its own process group and reports both PIDs.
const PARENT_SCRIPT = `
const { spawn } = require('node:child_process');
const grandchild = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
console.log('pids ' + process.pid + ' ' + grandchild.pid);
setInterval(() => {}, 1000);
`;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stack-supervisor-'));
});
afterAll(async () => {
  await stopAll(1_000);
  fs.rmSync(dir, { recursive: true, force: true });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** True once the process has exited (within 5 s). */
const gone = (pid: number): Promise<boolean> =>
  waitFor(`pid ${pid} to exit`, () => !alive(pid), { timeoutMs: 5_000, intervalMs: 50 }).then(
    () => true,
    () => false,
  );

function setup() {
  const printed: string[] = [];
  let resolveExit: (code: number) => void = () => {};
  const exited = new Promise<number>((resolve) => (resolveExit = resolve));
  const supervisor = new Supervisor({
    logsDir: path.join(dir, 'logs'),
    write: (text) => printed.push(text),
    color: false,
    exit: (code) => resolveExit(code),
    graceMs: 2_000,
  });
  return { supervisor, printed, exited };
}

async function spawnFamily(supervisor: Supervisor, part: string): Promise<{ child: Child; pids: number[] }> {
  const output = supervisor.output(part);
  let report: (pids: number[]) => void = () => {};
  const reported = new Promise<number[]>((resolve) => (report = resolve));
  const child = spawnChild(part, process.execPath, ['-e', PARENT_SCRIPT], {
    onLine: (line) => {
      output.line(line);
      if (line.startsWith('pids ')) report(line.slice(5).split(' ').map(Number));
    },
  });
  const pids = await reported;
  expect(pids.every(alive)).toBe(true);
  return { child, pids };
}

describe('Supervisor', () => {
  it('on a failure names the part, its log and the fix, stops every child and grandchild, exits 1', async () => {
    const { supervisor, printed, exited } = setup();
    const { pids } = await spawnFamily(supervisor, 'site');
    await supervisor.fail(new StartupError('site', 'site did not answer', 'check the build output'));
    expect(await exited).toBe(1);
    for (const pid of pids) expect(await gone(pid), `pid ${pid}`).toBe(true);
    const text = printed.join('');
    expect(text).toContain('stack       | ✖ site did not answer');
    expect(text).toContain(`its log: ${path.join(dir, 'logs', 'site.log')}`);
    expect(text).toContain('likely fix: check the build output');
    expect(fs.readFileSync(path.join(dir, 'logs', 'site.log'), 'utf8')).toMatch(/pids \d+ \d+/);
  });

  it('treats a child that dies on its own as a failure and stops the rest', async () => {
    const { supervisor, printed, exited } = setup();
    const victim = await spawnFamily(supervisor, 'search-sync');
    const bystander = await spawnFamily(supervisor, 'cms');
    supervisor.watch('search-sync', victim.child, 'look at the log');
    process.kill(victim.pids[0] ?? 0, 'SIGKILL');
    expect(await exited).toBe(1);
    for (const pid of [...victim.pids, ...bystander.pids]) expect(await gone(pid), `pid ${pid}`).toBe(true);
    expect(printed.join('')).toContain('search-sync exited unexpectedly');
  });

  it('stops everything on the first signal (exit 0) and does not report the resulting exits as failures', async () => {
    const { supervisor, printed, exited } = setup();
    const { child, pids } = await spawnFamily(supervisor, 'meilisearch');
    supervisor.watch('meilisearch', child, 'n/a');
    supervisor.onSignal('SIGINT');
    expect(await exited).toBe(0);
    for (const pid of pids) expect(await gone(pid), `pid ${pid}`).toBe(true);
    expect(printed.join('')).not.toContain('exited unexpectedly');
  });

  it('kills at once on a second signal (exit 130)', async () => {
    const { supervisor, exited } = setup();
    // Ignores SIGTERM, so only the second signal's SIGKILL can end it.
    const output = supervisor.output('stubborn');
    let ready: () => void = () => {};
    const started = new Promise<void>((resolve) => (ready = resolve));
    const child = spawnChild('stubborn', process.execPath, ['-e', "process.on('SIGTERM', () => {}); console.log('up'); setInterval(() => {}, 1000)"], {
      onLine: (line) => {
        output.line(line);
        ready();
      },
    });
    await started;
    supervisor.onSignal('SIGINT');
    supervisor.onSignal('SIGINT');
    expect(await exited).toBe(130);
    expect(await gone(child.process.pid ?? 0)).toBe(true);
  });
});
