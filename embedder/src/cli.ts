#!/usr/bin/env -S npx tsx
import { ConfigError } from '@stackguide/contracts/parse-config';
import { withRootEnv } from '@stackguide/runtime';
import { loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { loadModel } from './model.ts';
import { Scheduler } from './scheduler.ts';
import { createServer } from './server.ts';

/** Requests that may wait for the model; Meilisearch keeps up to 40 in flight. */
const MAX_QUEUED = 256;
const MIB = 2 ** 20;

/** Loads the model, then serves `POST /embed` until SIGTERM or SIGINT. */
async function main(): Promise<void> {
  const config = loadConfig(withRootEnv());
  const log = createLogger(config.logLevel);
  const started = performance.now();
  const model = await loadModel({ threads: config.threads });
  const scheduler = new Scheduler((texts) => model.embed(texts), MAX_QUEUED);
  const server = createServer({ scheduler, model, apiKey: config.apiKey, log });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  log.info(
    {
      url: `http://${config.host}:${config.port}`,
      model: model.id,
      dimensions: model.dimensions,
      threads: config.threads,
      loadMs: Math.round(performance.now() - started),
      rssMiB: Math.round(process.memoryUsage.rss() / MIB),
    },
    'embedder listening',
  );
  const stop = (signal: string) => {
    log.info({ signal }, 'shutting down');
    server.close();
    server.closeAllConnections();
    void model.release().finally(() => process.exit(0));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  const message = err instanceof ConfigError ? err.message : err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  process.stderr.write(`embedder: ${message}\n`);
  if (process.argv.includes('--verbose') && err instanceof Error) process.stderr.write(`${err.stack ?? ''}\n`);
  process.exitCode = 1;
});
