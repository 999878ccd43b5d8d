import path from 'node:path';
import { loadRootEnv, waitFor } from '@stackguide/runtime';
import { createStrapi, type Core } from '@strapi/strapi';

/**
 * Loads the compiled CMS (cms/dist; the npm scripts compile first) in this process for a one-off
 * job, with the root .env, without seeding or serving the admin. Compiling here instead would
 * rewrite files a running CMS has loaded.
 */
export async function bootCms(): Promise<Core.Strapi> {
  loadRootEnv();
  process.env.STACKGUIDE_ONE_OFF_JOB = 'true';
  process.env.SERVE_ADMIN_PANEL = 'false';
  const appDir = path.resolve(__dirname, '..');
  const app = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  app.log.level = 'warn';
  // Bulk jobs would otherwise post one webhook per document from this short-lived process;
  // search-sync's reconcile (or `search-sync reindex`) picks the changes up instead.
  const runner = app.get('webhookRunner');
  for (const webhook of await app.get('webhookStore').findWebhooks()) runner.remove(webhook);
  return app;
}

/**
 * Strapi emits document events after each commit without awaiting them; destroying the pool while
 * those queries run aborts them and crashes the process, so wait until the pool is idle.
 */
async function waitForIdleDatabase(app: Core.Strapi): Promise<void> {
  const pool = (app.db.connection as unknown as { client: { pool?: { numUsed(): number; numPendingAcquires(): number } } }).client.pool;
  if (!pool) return;
  let idleChecks = 0;
  await waitFor(
    'the database pool to go idle',
    () => {
      idleChecks = pool.numUsed() === 0 && pool.numPendingAcquires() === 0 ? idleChecks + 1 : 0;
      return idleChecks >= 3;
    },
    { timeoutMs: 60_000, intervalMs: 50 },
  );
}

/** Runs `job` against a booted CMS, always shuts it down, and turns failures into exit code 1. */
export function runJob(name: string, job: (app: Core.Strapi) => Promise<void>): void {
  (async () => {
    const app = await bootCms();
    try {
      await job(app);
    } finally {
      await waitForIdleDatabase(app);
      await app.destroy();
    }
  })().catch((err: unknown) => {
    console.error(`${name} failed: ${err instanceof Error ? err.message : String(err)}`);
    if (process.argv.includes('--verbose') && err instanceof Error) console.error(err.stack);
    process.exitCode = 1;
  });
}
