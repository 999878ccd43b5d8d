import { StartupError } from './startup-error.ts';
import { FIX } from './search-sync-step.ts';
import { spawnTsx } from './tsx-child.ts';
import type { Supervisor } from './supervisor.ts';

const KEYS_TIMEOUT_MS = 60_000;

export type SearchKey = { indexUid: string; searchKey: string; url: string };

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

/** The `{indexUid, searchKey, url}` line of `keys --json`, or undefined for any other line. */
export function parseKey(line: string): SearchKey | undefined {
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

