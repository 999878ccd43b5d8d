import { spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';

// Node has no PR_SET_PDEATHSIG, and a SIGKILLed or aborting process runs no exit handler, so its
// children would live on. A lifeline covers that: a small watcher process in a session of its own
// holds the read end of a pipe from this process and stops every listed process group once the pipe
// closes, which the kernel does however this process ends. It watches whole groups (what npm, tsx and
// Strapi fork included), needs nothing from the children (Meilisearch is a foreign binary) and leaves
// their PIDs and groups as they are, so `kill -- -<pid>` keeps working on each part.

const WATCHER = fileURLToPath(new URL('./lifeline-watcher.mjs', import.meta.url));
/** A watcher that died young is not restarted in a tight loop. */
const RESPAWN_DELAY_MS = 1_000;

const guarded = new Set<number>();
let watcher: ChildProcess | undefined;
let respawn: NodeJS.Timeout | undefined;

function connect(): ChildProcess {
  const proc = spawn(process.execPath, [WATCHER], { detached: true, stdio: ['pipe', 'ignore', 'ignore'], env: {} });
  // Neither the watcher nor its pipe may keep this process alive.
  proc.unref();
  const stdin = proc.stdin as Socket;
  stdin.unref();
  // A write to a watcher that died fails; the exit handler below replaces it.
  stdin.on('error', () => {});
  proc.once('error', () => {});
  proc.once('exit', () => {
    if (watcher !== proc) return;
    watcher = undefined;
    if (guarded.size > 0 && !respawn) {
      respawn = setTimeout(() => {
        respawn = undefined;
        if (!watcher && guarded.size > 0) watcher = connect();
      }, RESPAWN_DELAY_MS).unref();
    }
  });
  for (const pgid of guarded) stdin.write(`+${pgid}\n`);
  return proc;
}

/** Puts a process group on the lifeline: it is stopped if this process dies before releasing it. */
export function guardGroup(pgid: number): void {
  guarded.add(pgid);
  if (watcher) watcher.stdin?.write(`+${pgid}\n`);
  else watcher = connect();
}

/** Takes a process group that is gone off the lifeline (its number may be reused). */
export function releaseGroup(pgid: number): void {
  if (!guarded.delete(pgid)) return;
  watcher?.stdin?.write(`-${pgid}\n`);
}
