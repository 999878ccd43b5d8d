import { waitForHttp } from './ports.ts';
import { StartupError } from './startup-error.ts';
import { spawnTsx } from './tsx-child.ts';
import type { StackConfig } from './config.ts';
import type { Supervisor } from './supervisor.ts';

const HEALTH_TIMEOUT_MS = 60_000;
const READY_TIMEOUT_MS = 300_000;
const KEYS_TIMEOUT_MS = 60_000;
const FIX = 'check MEILI_MASTER_KEY, STRAPI_READ_TOKEN and WEBHOOK_SECRET in .env; the CMS must answer at STRAPI_URL';

export type SearchKey = { indexUid: string; searchKey: string; url: string };

/**
 * Starts search-sync and waits until its first reconcile has filled the index and its queue is drained,
 * so search works as soon as the site is announced.
 * @throws StartupError when it does not become healthy or ready in time.
 */
export async function startSearchSync(config: StackConfig, env: NodeJS.ProcessEnv, supervisor: Supervisor): Promise<string> {
  const output = supervisor.output('search-sync');
  const url = `http://${config.SEARCH_SYNC_HOST}:${config.SEARCH_SYNC_PORT}`;
  supervisor.say(`starting search-sync on ${url}`);
  const child = spawnTsx(output, 'search-sync', 'src/cli.ts', ['serve'], env);
  supervisor.watch('search-sync', child, FIX);
  try {
    await waitForHttp(`${url}/health`, { timeoutMs: HEALTH_TIMEOUT_MS, isAlive: child.alive });
  } catch (err) {
    throw new StartupError('search-sync', `search-sync did not become healthy: ${message(err)}`, FIX, { cause: err });
  }
  supervisor.say('search-sync is up; waiting for the first sync to fill the index');
  try {
    await waitForReady(`${url}/status`, READY_TIMEOUT_MS, child.alive);
  } catch (err) {
    throw new StartupError('search-sync', `search-sync did not finish its first sync: ${message(err)}`, FIX, { cause: err });
  }
  return url;
}

/** Polls a /status endpoint until its JSON says `ready: true`. */
async function waitForReady(statusUrl: string, timeoutMs: number, isAlive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error('the process exited');
    try {
      const res = await fetch(statusUrl, { signal: AbortSignal.timeout(5_000) });
      const body: unknown = await res.json();
      if (res.ok && body && typeof body === 'object' && 'ready' in body && body.ready === true) return;
      last = res.ok ? `ready is ${JSON.stringify(body && typeof body === 'object' && 'ready' in body ? body.ready : undefined)}` : `HTTP ${res.status}`;
    } catch (err) {
      last = message(err);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${statusUrl} did not report ready within ${Math.round(timeoutMs / 1000)} s (last: ${last})`);
}

/**
 * Asks search-sync's CLI for the search-only key (`keys --json` prints one JSON line).
 * @throws StartupError when the command fails or prints no key.
 */
export async function fetchSearchKey(env: NodeJS.ProcessEnv, supervisor: Supervisor): Promise<SearchKey> {
  const output = supervisor.output('search-sync');
  let key: SearchKey | undefined;
  // The search key is public (the site ships it to browsers), so its line may show in the log.
  const child = spawnTsx(output, 'search-sync', 'src/cli.ts', ['keys', '--json'], env, (line) => {
    key ??= parseKey(line);
  });
  const timer = setTimeout(() => void child.stop(), KEYS_TIMEOUT_MS);
  const code = await child.exited;
  clearTimeout(timer);
  if (code !== 0 || !key) {
    throw new StartupError('search-sync', `\`search-sync keys --json\` failed (exit ${code})${key ? '' : ' without printing a key'}`, FIX);
  }
  return key;
}

function parseKey(line: string): SearchKey | undefined {
  if (!line.trimStart().startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    if (!value || typeof value !== 'object') return undefined;
    const { indexUid, searchKey, url } = value as Record<string, unknown>;
    if (typeof indexUid === 'string' && typeof searchKey === 'string' && typeof url === 'string') return { indexUid, searchKey, url };
  } catch {
    // Not the key line.
  }
  return undefined;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
