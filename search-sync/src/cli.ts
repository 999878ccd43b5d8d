#!/usr/bin/env -S npx tsx
import { loadRootEnv, type Progress, progressBar } from '@stackguide/runtime';
import { yieldToServices } from './bulk-priority.ts';
import { INDEX_UID } from '@stackguide/contracts/search-index';
import { loadConfig, type Config } from './config.ts';
import { describeError } from './errors.ts';
import { ensureSearchKey } from './keys.ts';
import { createLogger, type Logger } from './logger.ts';
import { reconcileAndApply, reindexAndRepair, type RepairDeps } from './reindex-job.ts';
import { offlineStatus } from './offline.ts';
import { Service } from './service.ts';

const USAGE = `Usage: search-sync <command> [--json] [--verbose]
  serve      run the webhook intake, processor and periodic reconcile
  reindex    rebuild the index without downtime (fresh index + swap)
  reconcile  compare Strapi with the index once and apply the repairs
  status     print the service status (queue, dead letters, reconcile, reindex, search analytics)
  keys       ensure the search-only key and print it (--json: one line for scripts)`;

async function serve(config: Config, log: Logger): Promise<void> {
  const service = new Service(config, log);
  await service.start();
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down after the current batch');
    service.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err: describeError(err) }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

/** What reconcile and reindex need, applying the queue here so they work without `serve` running. */
function repairDeps(service: Service, log: Logger): RepairDeps {
  return {
    meili: service.meili,
    strapi: service.strapi,
    index: service.index,
    pageIndexes: service.pageIndexes,
    queue: service.queue,
    buildHook: service.buildHook,
    log,
    async drain(watermark, deadline) {
      while (service.queue.pendingUpTo(watermark) > 0 && Date.now() < deadline) {
        if ((await service.processor.runOnce()) === 0) await new Promise((r) => setTimeout(r, 250));
      }
    },
  };
}

/**
 * Asks for the site rebuild this command's changes made owed, from here rather than waiting for the
 * service. When the site does not answer, the rebuild stays owed in the queue database and the
 * service asks for it: within seconds when it runs, otherwise at its next start.
 */
async function requestRebuild(service: Service): Promise<string> {
  if (!service.buildHook.owed()) return 'not needed';
  return (await service.buildHook.flush()) ? 'requested' : 'owed: the build hook failed; search-sync serve will retry it';
}

async function main(argv: string[]): Promise<void> {
  const [command] = argv.filter((a) => !a.startsWith('--'));
  const asJson = argv.includes('--json');
  if (!command || command === 'help' || argv.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  loadRootEnv();
  const config = loadConfig();
  if (command === 'serve') return serve(config, createLogger(config.logLevel, 1));
  // Every other command keeps stdout for its result.
  const log = createLogger(config.logLevel, 2);
  const print = (value: unknown): void => {
    process.stdout.write(`${asJson ? JSON.stringify(value) : JSON.stringify(value, null, 2)}\n`);
  };
  if (command === 'status') return print(await offlineStatus(config));
  const service = new Service(config, log);
  try {
    switch (command) {
      case 'keys': {
        const searchKey = await ensureSearchKey(service.meili);
        const keys = { indexUid: INDEX_UID, searchKey, url: config.meiliPublicUrl };
        if (asJson) process.stdout.write(`${JSON.stringify(keys)}\n`);
        else process.stdout.write(`index:      ${keys.indexUid}\nsearch key: ${keys.searchKey}\nurl:        ${keys.url}\n`);
        return;
      }
      case 'reconcile': {
        const result = await reconcileAndApply(repairDeps(service, log));
        return print({ ...result, siteRebuild: await requestRebuild(service) });
      }
      case 'reindex': {
        yieldToServices(log);
        let bar: Progress | undefined;
        const result = await reindexAndRepair(repairDeps(service, log), (p) => {
          bar ??= progressBar('reindex', p.total, { unit: 'docs' });
          bar.setTotal(p.total);
          bar.update(p.done, p.state);
        });
        bar?.end();
        return print({ ...result, siteRebuild: await requestRebuild(service) });
      }
      default:
        throw new Error(`unknown command "${command}"\n${USAGE}`);
    }
  } finally {
    await service.stop();
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`search-sync: ${describeError(err)}\n`);
  if (process.argv.includes('--verbose') && err instanceof Error) process.stderr.write(`${err.stack ?? ''}\n`);
  process.exitCode = 1;
});
