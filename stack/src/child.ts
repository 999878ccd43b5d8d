import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import readline from 'node:readline';

export type Child = {
  name: string;
  process: ChildProcess;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<number | string>;
  alive(): boolean;
  /** SIGTERM to the whole process group, SIGKILL after `graceMs`; resolves when it has exited. */
  stop(graceMs?: number): Promise<void>;
};

const running = new Set<Child>();

/**
 * Spawns a command in its own process group so that stopping it also stops whatever it spawned
 * (npm, tsx and Strapi all fork children). Output lines go to `onLine`.
 */
export function spawnChild(
  name: string,
  command: string,
  args: string[],
  opts: SpawnOptions & { onLine?: (line: string, stream: 'stdout' | 'stderr') => void },
): Child {
  const proc = spawn(command, args, { ...opts, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let done = false;
  const exited = new Promise<number | string>((resolve) => {
    proc.once('exit', (code, signal) => {
      done = true;
      running.delete(child);
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
      if (done) {
        // The leader is gone but what it spawned may still run in its group.
        signalGroup(proc, 'SIGKILL');
        return;
      }
      signalGroup(proc, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(proc, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      // The leader may exit before its children; make sure none of the group outlives it.
      signalGroup(proc, 'SIGKILL');
    },
  };
  running.add(child);
  return child;
}

function signalGroup(proc: ChildProcess, signal: NodeJS.Signals): void {
  if (proc.pid === undefined) return;
  try {
    process.kill(-proc.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** Stops every child spawned by this process, newest first. */
export async function stopAll(graceMs?: number): Promise<void> {
  for (const child of [...running].reverse()) await child.stop(graceMs);
}

// A test runner or orchestrator that dies must not leave servers behind.
process.once('exit', () => {
  for (const child of running) signalGroup(child.process, 'SIGKILL');
});

/** SIGKILLs every child's process group at once, without waiting (the "second Ctrl-C" path). */
export function killAll(): void {
  for (const child of running) signalGroup(child.process, 'SIGKILL');
}
