import path from 'node:path';
import { spawnChild, type Child } from '@stackguide/stack/child';
import { waitForHttp } from '@stackguide/stack/ports';
import { SEARCH_SYNC_DIR } from './paths.ts';

export type SyncStatus = { ready: boolean; queueDepth: number; deadLetters: unknown[] | number; reindex?: { state: string } | null };
export type SearchSync = { url: string; child: Child; status(): Promise<SyncStatus>; stop(): Promise<void> };

/** Runs a search-sync CLI command (`serve`, `reindex`, `keys --json`, …) as its own process. */
export function spawnSearchSync(command: string, env: Record<string, string>, onLine?: (line: string, stream: 'stdout' | 'stderr') => void): Child {
  return spawnChild(`search-sync ${command}`, process.execPath, ['--import', 'tsx', 'src/cli.ts', ...command.split(' ')], {
    cwd: SEARCH_SYNC_DIR,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', SITE_BUILD_HOOK_URL: '', ...env },
    onLine,
  });
}

/**
 * Starts `search-sync serve` and waits until it listens (not until it is ready: drills start it
 * while Strapi or Meilisearch is down). `env` must hold every variable search-sync reads.
 * @throws Error when it exits or does not listen within a minute.
 */
export async function startSearchSync(env: Record<string, string>, onLine?: (line: string) => void): Promise<SearchSync> {
  const url = `http://127.0.0.1:${env.SEARCH_SYNC_PORT}`;
  const child = spawnSearchSync('serve', env, onLine);
  try {
    await waitForHttp(`${url}/status`, { timeoutMs: 60_000, isAlive: child.alive });
  } catch (err) {
    await child.stop();
    throw err;
  }
  return {
    url,
    child,
    async status() {
      const res = await fetch(`${url}/status`, { signal: AbortSignal.timeout(5_000) });
      return (await res.json()) as SyncStatus;
    },
    stop: () => child.stop(),
  };
}

/**
 * The search-only key, as `search-sync keys --json` prints it.
 * @throws Error when the command prints no key.
 */
export async function searchKey(env: Record<string, string>): Promise<string> {
  const out: string[] = [];
  const child = spawnSearchSync('keys --json', env, (line, stream) => {
    if (stream === 'stdout') out.push(line);
  });
  await child.exited;
  const parsed = JSON.parse(out.find((l) => l.startsWith('{')) ?? '{}') as { searchKey?: string };
  if (!parsed.searchKey) throw new Error(`search-sync keys printed no key: ${out.join('\n')}`);
  return parsed.searchKey;
}

export const syncDataDir = (runDir: string) => path.join(runDir, 'search-sync');
