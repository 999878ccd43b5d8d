import { type Child, freePort, spawnBin, untilReady } from '@stackguide/launch';
import { EMBEDDER_HEALTH_PATH } from '@stackguide/contracts/embedder';
import { waitForHttp } from '@stackguide/runtime';
import { childEnv } from './child-env.ts';

export type EmbedderProcess = { url: string; apiKey: string; child: Child; lines: string[]; stop(): Promise<void> };

/**
 * Starts the real embedder (its bin, the model from node_modules) on a free loopback port and waits
 * until /health answers. Its log lines are kept in `lines`.
 * @throws Error when it exits or does not answer in time.
 */
export async function startTestEmbedder(opts: { apiKey: string; threads?: number; port?: number }): Promise<EmbedderProcess> {
  const port = opts.port ?? (await freePort());
  const lines: string[] = [];
  const env = childEnv({
    EMBEDDER_HOST: '127.0.0.1',
    EMBEDDER_PORT: String(port),
    EMBEDDER_API_KEY: opts.apiKey,
    EMBEDDER_THREADS: String(opts.threads ?? 2),
    LOG_LEVEL: 'info',
  });
  const child = spawnBin('@stackguide/embedder', [], { env, onLine: (line) => lines.push(line) });
  const url = `http://127.0.0.1:${port}`;
  await untilReady(child, waitForHttp(`${url}${EMBEDDER_HEALTH_PATH}`, { timeoutMs: 120_000, isAlive: child.alive }));
  return { url, apiKey: opts.apiKey, child, lines, stop: () => child.stop() };
}
