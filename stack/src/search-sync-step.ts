import { untilReady, type Child, spawnBin } from '@stackguide/launch';
import { waitForHttp } from '@stackguide/runtime';
import { StartupError } from './startup-error.ts';
import { waitForReady } from './ready-wait.ts';
import type { StackConfig } from './config.ts';
import type { Supervisor } from './supervisor.ts';

const HEALTH_TIMEOUT_MS = 60_000;
const READY_TIMEOUT_MS = 300_000;
export const FIX = 'check MEILI_MASTER_KEY, STRAPI_READ_TOKEN and WEBHOOK_SECRET in .env; the CMS must answer at STRAPI_URL';

/**
 * Starts search-sync and waits until its first reconcile has filled the index and its queue is drained,
 * so search works as soon as the site is announced. After that a crash restarts it; its queue is durable
 * and its reconcile on start picks up what was published while it was down.
 * @throws StartupError when it does not become healthy or ready in time.
 */
export async function startSearchSync(config: StackConfig, env: NodeJS.ProcessEnv, supervisor: Supervisor): Promise<string> {
  const output = supervisor.output('search-sync');
  const url = `http://${config.SEARCH_SYNC_HOST}:${config.SEARCH_SYNC_PORT}`;
  const launch = async () => {
    const child = spawnBin('@stackguide/search-sync', ['serve'], { name: output.name, env, onLine: output.line });
    await untilReady(child, waitForHttp(`${url}/health`, { timeoutMs: HEALTH_TIMEOUT_MS, isAlive: child.alive }));
    return child;
  };
  supervisor.say(`starting search-sync on ${url}`);
  let child: Child;
  try {
    child = await launch();
  } catch (err) {
    throw new StartupError('search-sync', `search-sync did not become healthy: ${message(err)}`, FIX, { cause: err });
  }
  supervisor.say('search-sync is up; waiting for the first sync to fill the index');
  try {
    await untilReady(child, waitForReady(`${url}/status`, READY_TIMEOUT_MS, child.alive));
  } catch (err) {
    throw new StartupError('search-sync', `search-sync did not finish its first sync: ${message(err)}`, FIX, { cause: err });
  }
  supervisor.keep('search-sync', child, { fix: FIX, restart: launch });
  return url;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
