import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { waitFor } from '@stackguide/runtime';
import { running } from './process-tree.ts';
import { afterAll, describe, expect, it } from 'vitest';

const CHILD_MODULE = fileURLToPath(new URL('./child.ts', import.meta.url));

// A host process that starts two parts through spawnChild, the way npm start does: one with a
// grandchild in its group, one that ignores SIGTERM. It prints every PID, then `then` runs.
const host = (then: string) => `
const { spawnChild } = await import(${JSON.stringify(CHILD_MODULE)});
const family = spawnChild('family', process.execPath, ['-e', "const c = require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }); console.log(process.pid + ' ' + c.pid); setInterval(() => {}, 1000)"], { onLine: (line) => console.log('pids ' + line) });
const stubborn = spawnChild('stubborn', process.execPath, ['-e', "process.on('SIGTERM', () => {}); console.log(process.pid); setInterval(() => {}, 1000)"], { onLine: (line) => console.log('pids ' + line) });
${then}
`;

const seen = new Set<number>();
afterAll(() => {
  for (const pid of seen) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone, as it should be.
    }
  }
});

/** Runs a host script; resolves with its PID and the PIDs of the three processes it started. */
async function startHost(then: string) {
  const proc = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', host(then)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const pids: number[] = [];
  readline.createInterface({ input: proc.stdout! }).on('line', (line) => {
    if (line.startsWith('pids ')) pids.push(...line.slice(5).split(' ').map(Number));
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  await waitFor('the host to report its children', () => pids.length === 3, { timeoutMs: 30_000, isAlive: () => proc.exitCode === null });
  for (const pid of pids) seen.add(pid);
  expect(pids.every(running)).toBe(true);
  return { proc, pids, exited };
}

const allGone = (pids: number[], timeoutMs: number) =>
  waitFor('every child to be gone', () => pids.every((pid) => !running(pid)), { timeoutMs, intervalMs: 100 }).then(
    () => true,
    () => false,
  );

describe('lifeline', () => {
  it('stops every process group of a host that is SIGKILLed (SIGTERM, then SIGKILL for one that ignores it)', async () => {
    const { proc, pids, exited } = await startHost('setInterval(() => {}, 1000);');
    proc.kill('SIGKILL');
    await exited;
    // The watcher's grace period is 5 s before SIGKILL.
    expect(await allGone(pids, 15_000), `still running: ${pids.filter(running).join(' ')}`).toBe(true);
  });

  it('stops what is still running when the host exits', async () => {
    const { proc, pids, exited } = await startHost("process.on('SIGUSR2', () => process.exit(0));");
    proc.kill('SIGUSR2');
    await exited;
    expect(await allGone(pids, 5_000), `still running: ${pids.filter(running).join(' ')}`).toBe(true);
  });

  it('does not keep a host alive once its children have exited', async () => {
    const script = `const { spawnChild } = await import(${JSON.stringify(CHILD_MODULE)}); await spawnChild('brief', process.execPath, ['-e', '0'], {}).exited;`;
    const proc = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: 'inherit' });
    const code = await new Promise<number | null>((resolve) => proc.once('exit', resolve));
    expect(code).toBe(0);
  });
});
