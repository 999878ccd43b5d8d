import { commandLine, descendants, running } from '@stackguide/launch';
import { REPO_ROOT, waitFor } from '@stackguide/runtime';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export type Ports = { strapi: number; sync: number; site: number; meili: number; embedder: number };

/** The environment of an operator's shell for a system on these ports, with data and .env in `dir`. */
export function stackEnv(dir: string, ports: Ports): NodeJS.ProcessEnv {
  // Variables npm sets for the test run itself would steer the inner npm (workspace, lifecycle event).
  const shell = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('npm_')));
  return {
    ...shell,
    STACKGUIDE_DATA_DIR: path.join(dir, 'data'),
    STACKGUIDE_ENV_FILE: path.join(dir, '.env'),
    NO_COLOR: '1',
    STRAPI_PORT: String(ports.strapi),
    STRAPI_URL: `http://127.0.0.1:${ports.strapi}`,
    SEARCH_SYNC_PORT: String(ports.sync),
    SEARCH_SYNC_URL: `http://127.0.0.1:${ports.sync}/webhooks/strapi`,
    SITE_PORT: String(ports.site),
    SITE_URL: `http://127.0.0.1:${ports.site}`,
    SITE_BUILD_HOOK_URL: `http://127.0.0.1:${ports.site}/__hooks/build`,
    MEILI_PORT: String(ports.meili),
    MEILI_URL: '',
    MEILI_PUBLIC_URL: '',
    EMBEDDER_PORT: String(ports.embedder),
    EMBEDDER_URL: `http://127.0.0.1:${ports.embedder}`,
  };
}

export type NpmStart = {
  /** `npm start` itself, leader of its own process group as in a terminal. */
  proc: ChildProcess;
  pid: number;
  output(): string;
  /** Resolves with npm's exit code (or the signal that ended it). */
  exited: Promise<number | string>;
  /** Waits until the output contains `text`; fails early, with the output's tail, if npm exits. */
  waitForOutput(text: string, timeoutMs: number): Promise<void>;
};

/** Runs `npm start` at the repository root, as an operator would. */
export function npmStart(env: NodeJS.ProcessEnv): NpmStart {
  const proc = spawn('npm', ['start'], { cwd: REPO_ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  proc.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  proc.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => proc.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  const isAlive = () => proc.exitCode === null && proc.signalCode === null;
  return {
    proc,
    pid: proc.pid ?? 0,
    output: () => output,
    exited,
    async waitForOutput(text, timeoutMs) {
      try {
        await waitFor(JSON.stringify(text), () => output.includes(text), { timeoutMs, intervalMs: 250, isAlive });
      } catch (err) {
        throw new Error(`${err instanceof Error ? err.message : String(err)}\n--- output ---\n${output.slice(-4000)}`);
      }
    },
  };
}

/** The PID of the process under `root` whose command line contains `marker`. */
export function partPid(root: number, marker: string): number {
  const pid = descendants(root).find((candidate) => commandLine(candidate).includes(marker));
  if (pid === undefined) throw new Error(`no process under ${root} runs ${marker}`);
  return pid;
}

/** Waits up to `timeoutMs` for every PID to be gone; returns the survivors with their command lines. */
export async function survivors(pids: number[], timeoutMs: number): Promise<string[]> {
  await waitFor('every process to exit', () => pids.every((pid) => !running(pid)), { timeoutMs, intervalMs: 100 }).catch(() => undefined);
  return pids.filter(running).map((pid) => `${pid} ${commandLine(pid)}`);
}
