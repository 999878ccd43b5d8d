import { MeiliUnavailableError, startMeili } from '@stackguide/launch';
import { waitForHttp } from '@stackguide/runtime';
import { StartupError } from './startup-error.ts';
import type { StackConfig } from './config.ts';
import type { Supervisor } from './supervisor.ts';

/**
 * Uses the Meilisearch at MEILI_URL when set (after checking its /health), otherwise starts the bundled
 * binary with data in `dataDir`. Returns the URL search-sync should use.
 * @throws MeiliUnavailableError when there is no bundled binary for this platform (its message says what to do);
 *   StartupError when Meilisearch does not answer.
 */
export async function startSearchEngine(config: StackConfig, dataDir: string, supervisor: Supervisor): Promise<string> {
  const output = supervisor.output('meilisearch');
  if (config.MEILI_URL) {
    const url = config.MEILI_URL.replace(/\/+$/, '');
    supervisor.say(`using the Meilisearch at MEILI_URL=${url}`);
    try {
      await waitForHttp(`${url}/health`, { timeoutMs: 15_000 });
    } catch (err) {
      throw new StartupError(
        'meilisearch',
        `Meilisearch at MEILI_URL did not answer: ${message(err)}`,
        'start your Meilisearch 1.21 server or fix MEILI_URL in .env (leave it empty to use the bundled binary on linux-x64)',
        { cause: err },
      );
    }
    return url;
  }
  supervisor.say(`starting Meilisearch (data in ${dataDir})`);
  // Meilisearch logs every HTTP request at INFO, which drowns the other parts; startMeili passes
  // process.env on, so this is where its log level can be set (MEILI_LOG_LEVEL in the environment wins).
  process.env.MEILI_LOG_LEVEL ??= 'WARN';
  try {
    const indexing = { maxIndexingMemory: config.MEILI_MAX_INDEXING_MEMORY, maxIndexingThreads: config.MEILI_MAX_INDEXING_THREADS };
    const launch = () =>
      startMeili({ dataDir, masterKey: config.MEILI_MASTER_KEY, port: config.MEILI_PORT, onLine: output.line, indexing });
    const meili = await launch();
    supervisor.keep('meilisearch', meili.child, {
      fix: `see its log; if it says ${dataDir} was written by another Meilisearch version, move it away (the index is rebuilt from Strapi)`,
      restart: async () => (await launch()).child,
    });
    return meili.url;
  } catch (err) {
    if (err instanceof MeiliUnavailableError) throw err;
    throw new StartupError(
      'meilisearch',
      `Meilisearch did not start: ${message(err)}`,
      `see its log; if ${dataDir} was written by another Meilisearch version, move it away (the index is rebuilt from Strapi)`,
      { cause: err },
    );
  }
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
