import { untilReady, spawnBin } from '@stackguide/launch';
import { waitForHttp } from '@stackguide/runtime';
import { StartupError } from './startup-error.ts';
import type { StackConfig } from './config.ts';
import type { Supervisor } from './supervisor.ts';

// The first full build of a large archive takes many minutes; the wait only catches a server that never answers.
const SITE_TIMEOUT_MS = 45 * 60_000;
const FIX = 'see the build error in its log; the site needs published articles in the CMS (ALLOW_EMPTY_SITE=true allows none)';

/**
 * Starts the site server, which builds the site from Strapi and then serves it (rebuilding on the build hook),
 * and waits until it serves the home page. After that a crash restarts it.
 * @throws StartupError when the build fails or the server does not answer in time.
 */
export async function startSite(config: StackConfig, env: NodeJS.ProcessEnv, supervisor: Supervisor): Promise<string> {
  const output = supervisor.output('site');
  const url = `http://${config.SITE_HOST}:${config.SITE_PORT}`;
  const launch = async () => {
    const child = spawnBin('@stackguide/site', [], { name: output.name, env, onLine: output.line });
    await untilReady(child, waitForHttp(`${url}/`, { timeoutMs: SITE_TIMEOUT_MS, isAlive: child.alive, intervalMs: 1_000 }));
    return child;
  };
  supervisor.say(`building and serving the site on ${url} (the first build takes a minute or two, longer for a large archive)`);
  try {
    supervisor.keep('site', await launch(), { fix: FIX, restart: launch });
  } catch (err) {
    throw new StartupError('site', `the site did not come up: ${err instanceof Error ? err.message : String(err)}`, FIX, { cause: err });
  }
  return url;
}
