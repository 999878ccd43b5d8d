import { spawnChild, stopAll, untilReady, type Child, running } from '@stackguide/launch';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitFor } from '@stackguide/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StartupError } from './startup-error.ts';
import { Supervisor, type SupervisorOptions } from './supervisor.ts';

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

/** True once the process has exited (within 5 s). */
const gone = (pid: number): Promise<boolean> =>
  waitFor(`pid ${pid} to exit`, () => !running(pid), { timeoutMs: 5_000, intervalMs: 50 }).then(
    () => true,
    () => false,
  );

const FAST_RESTARTS = { maxCrashes: 3, stableMs: 60_000, firstDelayMs: 10, maxDelayMs: 50 };

function setup(opts: Partial<SupervisorOptions> = {}) {
  const printed: string[] = [];
  let resolveExit: (code: number) => void = () => {};
  const exited = new Promise<number>((resolve) => (resolveExit = resolve));
  const supervisor = new Supervisor({
    logsDir: path.join(dir, 'logs'),
    write: (text) => printed.push(text),
    color: false,
    exit: (code) => resolveExit(code),
    graceMs: 2_000,
    restartPolicy: FAST_RESTARTS,
    ...opts,
  });
  return { supervisor, printed, exited, text: () => printed.join('') };
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
  await untilReady(child, upOrExited(child, reported));
  const pids = await reported;
  expect(pids.every(running)).toBe(true);
  return { child, pids };
}

/** Resolves with `up`, or fails as a readiness wait does when the process exits first. */
const upOrExited = <T>(child: Child, up: Promise<T>): Promise<T> =>
  Promise.race([
    up,
    child.exited.then(() => {
      throw new Error('the process exited before it was up');
    }),
  ]);

/** A part that runs `script` and counts as up once it printed a line. */
function scriptPart(supervisor: Supervisor, part: string, script: string): () => Promise<Child> {
  return async () => {
    let up: () => void = () => {};
    const printed = new Promise<void>((resolve) => (up = resolve));
    const child = spawnChild(part, process.execPath, ['-e', script], {
      onLine: (line) => {
        supervisor.output(part).line(line);
        up();
      },
    });
    await untilReady(child, upOrExited(child, printed));
    return child;
  };
}

describe('Supervisor', () => {
  it('on a failure names the part, its log and the fix, stops every child and grandchild, exits 1', async () => {
    const { supervisor, text, exited } = setup();
    const { pids } = await spawnFamily(supervisor, 'site');
    await supervisor.fail(new StartupError('site', 'site did not answer', 'check the build output'));
    expect(await exited).toBe(1);
    for (const pid of pids) expect(await gone(pid), `pid ${pid}`).toBe(true);
    expect(text()).toContain('stack       | ✖ site did not answer');
    expect(text()).toContain(`its log: ${path.join(dir, 'logs', 'site.log')}`);
    expect(text()).toContain('likely fix: check the build output');
    expect(fs.readFileSync(path.join(dir, 'logs', 'site.log'), 'utf8')).toMatch(/pids \d+ \d+/);
  });

  it('restarts a part that crashes, with the rest of its group gone and the other parts left running', async () => {
    const { supervisor, text, exited } = setup();
    const victim = await spawnFamily(supervisor, 'search-sync');
    const bystander = await spawnFamily(supervisor, 'cms');
    let restarted: (child: Child) => void = () => {};
    const second = new Promise<Child>((resolve) => (restarted = resolve));
    supervisor.keep('search-sync', victim.child, {
      fix: 'look at the log',
      restart: async () => {
        const { child } = await spawnFamily(supervisor, 'search-sync');
        restarted(child);
        return child;
      },
    });
    process.kill(victim.pids[0] ?? 0, 'SIGKILL');
    const replacement = await second;
    for (const pid of victim.pids) expect(await gone(pid), `pid ${pid} of the crashed part`).toBe(true);
    expect(bystander.pids.every(running)).toBe(true);
    await waitFor('the restart to be announced', () => text().includes('search-sync is back up'), { timeoutMs: 5_000 });
    expect(text()).toContain('search-sync was killed by SIGKILL; restarting it in 0.01 s (crash 1; the other parts keep running)');
    expect(replacement.alive()).toBe(true);
    supervisor.onSignal('SIGTERM');
    expect(await exited).toBe(0);
    expect(replacement.alive()).toBe(false);
  });

  it('gives up after repeated crashes, naming the exit code and the part’s own fix', async () => {
    const { supervisor, text, exited } = setup();
    const crashing = scriptPart(supervisor, 'meilisearch', "console.log('up'); setTimeout(() => process.exit(3), 50)");
    const bystander = await spawnFamily(supervisor, 'cms');
    supervisor.keep('meilisearch', await crashing(), { fix: 'move the old data directory away', restart: crashing });
    expect(await exited).toBe(1);
    expect(text()).toContain(
      '✖ meilisearch exited with code 3: crash 3 in a row without staying up 60 s in between, so npm start gives up',
    );
    expect(text()).toContain('likely fix: move the old data directory away');
    for (const pid of bystander.pids) expect(await gone(pid), `pid ${pid}`).toBe(true);
  });

  it('tells a signal from outside apart from an error of the part itself', async () => {
    const { supervisor, text, exited } = setup();
    const killed = scriptPart(supervisor, 'meilisearch', "console.log('up'); setTimeout(() => process.kill(process.pid, 'SIGKILL'), 50)");
    supervisor.keep('meilisearch', await killed(), { fix: 'move the old data directory away', restart: killed });
    expect(await exited).toBe(1);
    expect(text()).toContain('✖ meilisearch was killed by SIGKILL: crash 3');
    expect(text()).toContain('likely fix: something outside npm start sent it SIGKILL');
    expect(text()).not.toContain('data directory');
  });

  it('counts a restart that does not come up as a crash, with its reason', async () => {
    const { supervisor, text, exited } = setup();
    const first = await scriptPart(supervisor, 'cms', "console.log('up'); setTimeout(() => process.exit(1), 50)")();
    const broken = scriptPart(supervisor, 'cms', 'process.exit(2)');
    supervisor.keep('cms', first, { fix: 'see the log', restart: broken });
    expect(await exited).toBe(1);
    expect(text()).toContain('cms exited with code 1; restarting it');
    expect(text()).toMatch(/✖ cms did not come back up: .*\(it exited with code 2\): crash 3/);
    expect(text()).toContain('likely fix: see the log');
  });

  it('stops everything on the first signal (exit 0) without restarting or reporting the resulting exits', async () => {
    const { supervisor, text, exited } = setup();
    const { child, pids } = await spawnFamily(supervisor, 'meilisearch');
    let restarts = 0;
    const restart = async () => {
      restarts++;
      return child;
    };
    supervisor.keep('meilisearch', child, { fix: 'n/a', restart });
    supervisor.onSignal('SIGINT');
    expect(await exited).toBe(0);
    for (const pid of pids) expect(await gone(pid), `pid ${pid}`).toBe(true);
    expect(restarts).toBe(0);
    expect(text()).not.toContain('restarting');
    expect(text()).toContain('SIGINT received; stopping every part');
  });

  it('takes a signal repeated at once as the same stop request, and a later one as "kill at once" (exit 128 + signal)', async () => {
    const { supervisor, exited } = setup({ repeatWindowMs: 300 });
    // Ignores SIGTERM, so only the second signal's SIGKILL can end it.
    const stubborn = await scriptPart(
      supervisor,
      'stubborn',
      "process.on('SIGTERM', () => {}); console.log('up'); setInterval(() => {}, 1000)",
    )();
    supervisor.onSignal('SIGTERM');
    supervisor.onSignal('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(stubborn.alive()).toBe(true);
    supervisor.onSignal('SIGTERM');
    expect(await exited).toBe(143);
    expect(await gone(stubborn.process.pid ?? 0)).toBe(true);
  });
});
