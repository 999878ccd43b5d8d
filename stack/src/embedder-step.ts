import { spawnBin, untilReady } from '@stackguide/launch';
import { EMBEDDER_HEALTH_PATH } from '@stackguide/contracts/embedder';
import { waitForHttp } from '@stackguide/runtime';
import type { StackConfig } from './config.ts';
import { StartupError } from './startup-error.ts';
import type { Supervisor } from './supervisor.ts';

/** Loading the model takes seconds; on a busy machine, many. */
const HEALTH_TIMEOUT_MS = 120_000;
const FIX = 'see its log; EMBEDDER_PORT must be free, or empty EMBEDDER_URL in .env for keyword search only';

/**
 * Starts the embedder (semantic search's model) when EMBEDDER_URL is set, before search-sync, which
 * embeds documents with it; a crash restarts it while search keeps answering by keywords. Returns
 * its URL, or undefined when semantic search is off.
 * @throws StartupError when it does not answer /health in time.
 */
export async function startEmbedder(config: StackConfig, env: NodeJS.ProcessEnv, supervisor: Supervisor): Promise<string | undefined> {
  if (!config.EMBEDDER_URL) {
    supervisor.say('EMBEDDER_URL is empty: semantic search is off, the embedder is not started');
    return undefined;
  }
  const output = supervisor.output('embedder');
  const url = `http://${config.EMBEDDER_HOST}:${config.EMBEDDER_PORT}`;
  const launch = async () => {
    const child = spawnBin('@stackguide/embedder', [], { name: output.name, env, onLine: output.line });
    await untilReady(child, waitForHttp(`${url}${EMBEDDER_HEALTH_PATH}`, { timeoutMs: HEALTH_TIMEOUT_MS, isAlive: child.alive }));
    return child;
  };
  supervisor.say(`starting the embedder on ${url} (loads its model from node_modules)`);
  try {
    supervisor.keep('embedder', await launch(), { fix: FIX, restart: launch });
  } catch (err) {
    throw new StartupError('embedder', `the embedder did not come up: ${err instanceof Error ? err.message : String(err)}`, FIX, {
      cause: err,
    });
  }
  return url;
}
