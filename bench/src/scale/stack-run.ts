import { spawn } from 'node:child_process';
import path from 'node:path';
import { commandLine, descendants, freePort, running } from '@stackguide/launch';
import { REPO_ROOT, waitFor } from '@stackguide/runtime';

/** The parts `npm start` runs, found among its descendants by what their command lines run. */
export const PARTS = {
  cms: '.bin/strapi start',
  'search-sync': 'search-sync/src/cli.ts',
  site: 'site/server/serve.ts',
  meilisearch: 'meilisearch',
} as const;
export type Part = keyof typeof PARTS;

export type StackRun = {
  /** The variables a process talking to this system needs (its .env and ports). */
  env: Record<string, string>;
  dataDir: string;
  /** Each part's topmost process. */
  partPids(): Record<Part, number>;
  output(): string;
  /** SIGTERM to the whole group, as Ctrl-C does; resolves once npm start exited. */
  stop(): Promise<void>;
};

/** Where and on which ports a scale system runs, so it never meets the developer's own `npm start`. */
export async function stackEnv(dir: string): Promise<Record<string, string>> {
  const [strapi, sync, site, meili] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const dataDir = path.join(dir, 'data');
  return {
    STACKGUIDE_DATA_DIR: dataDir,
    STACKGUIDE_ENV_FILE: path.join(dir, '.env'),
    // Relative defaults would land in the repository; everything of this system stays in `dir`.
    DATABASE_FILENAME: path.join(dataDir, 'cms.db'),
    SEARCH_SYNC_DATA_DIR: path.join(dataDir, 'search-sync'),
    SITE_BUILDS_DIR: path.join(dataDir, 'site-builds'),
    SITE_CACHE_DIR: path.join(dataDir, 'site-cache'),
    STRAPI_PORT: String(strapi),
    STRAPI_URL: `http://127.0.0.1:${strapi}`,
    SEARCH_SYNC_PORT: String(sync),
    SEARCH_SYNC_URL: `http://127.0.0.1:${sync}/webhooks/strapi`,
    SEARCH_SYNC_PUBLIC_URL: `http://127.0.0.1:${sync}`,
    SITE_PORT: String(site),
    SITE_URL: `http://127.0.0.1:${site}`,
    SITE_BUILD_HOOK_URL: `http://127.0.0.1:${site}/__hooks/build`,
    MEILI_PORT: String(meili),
    MEILI_URL: '',
    MEILI_PUBLIC_URL: '',
    NO_COLOR: '1',
    // Semantic search off: embedding every generated article would take hours on 2 vCPUs and
    // measure the embedder, not how the rest grows.
    EMBEDDER_URL: '',
  };
}

/**
 * Runs `npm start` at the repository root with `env` over the shell's environment, as an operator
 * would, and resolves once it says everything is up.
 * @throws Error with the output's tail when npm start exits or is not up within `timeoutMs`.
 */
export async function startStack(env: Record<string, string>, timeoutMs: number): Promise<StackRun> {
  // Variables npm set for the bench itself would steer the inner npm (workspace, lifecycle event).
  const shell = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('npm_')));
  const proc = spawn('npm', ['start'], { cwd: REPO_ROOT, env: { ...shell, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-200_000);
  };
  proc.stdout.on('data', keep);
  proc.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const pid = proc.pid ?? 0;
  const isAlive = () => proc.exitCode === null && proc.signalCode === null;
  try {
    await waitFor('npm start to say everything is up', () => output.includes('everything is up'), { timeoutMs, intervalMs: 250, isAlive });
  } catch (err) {
    if (isAlive()) process.kill(-pid, 'SIGKILL');
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n--- npm start output ---\n${output.slice(-4000)}`);
  }
  return {
    env,
    dataDir: env.STACKGUIDE_DATA_DIR!,
    output: () => output,
    partPids() {
      const tree = descendants(pid);
      const find = (marker: string) => {
        const match = tree.find((candidate) => commandLine(candidate).includes(marker));
        if (match === undefined) throw new Error(`no process under npm start (${pid}) runs ${marker}`);
        return match;
      };
      return Object.fromEntries(Object.entries(PARTS).map(([part, marker]) => [part, find(marker)])) as Record<Part, number>;
    },
    async stop() {
      if (!isAlive()) return;
      process.kill(-pid, 'SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
      if (running(pid)) process.kill(-pid, 'SIGKILL');
    },
  };
}
