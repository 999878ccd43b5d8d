import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import readline from 'node:readline';
import { describeExit, type ExitStatus } from './exit-status.ts';
import { guardGroup, releaseGroup } from './lifeline.ts';

export type Child = {
  name: string;
  process: ChildProcess;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<ExitStatus>;
  alive(): boolean;
  /** SIGTERM to the whole process group, SIGKILL after `graceMs`; resolves when it has exited. */
  stop(graceMs?: number): Promise<void>;
};

const running = new Set<Child>();

/**
 * Spawns a command in its own process group so that stopping it also stops whatever it spawned
 * (npm, tsx and Strapi all fork children). The group is on this process's lifeline: it is stopped
 * even when this process is SIGKILLed. When the command exits, whatever is left of its group is
 * killed, so nothing it started outlives it. Output lines go to `onLine`.
 */
export function spawnChild(
  name: string,
  command: string,
  args: string[],
  opts: SpawnOptions & { onLine?: (line: string, stream: 'stdout' | 'stderr') => void },
): Child {
  const proc = spawn(command, args, { ...opts, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (proc.pid !== undefined) guardGroup(proc.pid);
  let done = false;
  const exited = new Promise<ExitStatus>((resolve) => {
    proc.once('exit', (code, signal) => {
      done = true;
      running.delete(child);
      signalGroup(proc, 'SIGKILL');
      if (proc.pid !== undefined) releaseGroup(proc.pid);
      resolve(code ?? signal ?? 'unknown');
    });
    proc.once('error', (err) => {
      done = true;
      running.delete(child);
      opts.onLine?.(`failed to start ${command}: ${err.message}`, 'stderr');
      resolve('spawn-error');
    });
  });
  for (const stream of ['stdout', 'stderr'] as const) {
    const source = proc[stream];
    if (!source) continue;
    readline.createInterface({ input: source }).on('line', (line) => opts.onLine?.(line, stream));
  }
  const child: Child = {
    name,
    process: proc,
    exited,
    alive: () => !done,
    async stop(graceMs = 10_000) {
      if (done) return;
      signalGroup(proc, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(proc, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
  running.add(child);
  return child;
}

/**
 * Waits for a child to come up (`ready` is a wait that gives up once the child dies, e.g. waitForHttp
 * with `isAlive: child.alive`). On failure the child is stopped and the error says how it ended.
 * @throws Error with the wait's message, plus "(it exited with code 1)" or the like when the child died.
 */
export async function untilReady(child: Child, ready: Promise<unknown>): Promise<void> {
  try {
    await ready;
  } catch (err) {
    const died = !child.alive();
    await child.stop();
    const message = err instanceof Error ? err.message : String(err);
    throw new Error(died ? `${message} (it ${describeExit(await child.exited)})` : message, { cause: err });
  }
}

function signalGroup(proc: ChildProcess, signal: NodeJS.Signals): void {
  if (proc.pid === undefined) return;
  try {
    process.kill(-proc.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** Stops every child spawned by this process, all at once, so the whole stop takes one grace period at most. */
export async function stopAll(graceMs?: number): Promise<void> {
  await Promise.all([...running].map((child) => child.stop(graceMs)));
}

// A test runner or orchestrator that exits must not leave servers behind (the lifeline covers the
// ways of dying that run no exit handler).
process.once('exit', () => killAll());

/** SIGKILLs every child's process group at once, without waiting (the "second Ctrl-C" path). */
export function killAll(): void {
  for (const child of running) signalGroup(child.process, 'SIGKILL');
}
