import path from 'node:path';
import { ensureCmsBuild, resolveBin, spawnBin, spawnChild, startMeili, startStrapi, type Child } from '@stackguide/launch';
import type { ReindexProgress } from '@stackguide/contracts/search-sync-admin';
import { waitForHttp } from '@stackguide/runtime';
import { partsEnv } from '../parts-env.ts';
import type { BackupConfig } from './backup-config.ts';

type Log = (line: string) => void;

/** Runs a child to its end; resolves with its stdout. @throws Error with its last output lines when it fails. */
async function outcome(child: Child, stdout: string[], recent: string[]): Promise<string> {
  const status = await child.exited;
  if (status !== 0) throw new Error(`${child.name} exited with ${status}:\n${recent.join('\n')}`);
  return stdout.join('\n');
}

/** Starts a command and collects its output: stdout lines for the result, stderr (progress) passed on to `log`. */
function run(start: (onLine: (line: string, stream: 'stdout' | 'stderr') => void) => Child, log: Log): Promise<string> {
  const stdout: string[] = [];
  const recent: string[] = [];
  const child = start((line, stream) => {
    if (stream === 'stdout') stdout.push(line);
    else log(line);
    recent.push(line);
    if (recent.length > 20) recent.shift();
  });
  return outcome(child, stdout, recent);
}

const lastJson = <T>(text: string): T => JSON.parse(text.trim().split('\n').at(-1) ?? 'null') as T;

/**
 * Rebuilds what a backup leaves out, from the restored CMS: starts Meilisearch (or uses MEILI_URL)
 * and Strapi as `npm start` would, runs `search-sync reindex` (a fresh index, swapped in), then the
 * site's full build into `siteOut`, with the search-only key; stops what it started.
 * @throws Error from the step that failed, with that part's last output.
 */
export async function rebuildDerived(
  cfg: BackupConfig,
  env: NodeJS.ProcessEnv,
  siteOut: string,
  log: Log,
): Promise<{ documents: number; pages: number }> {
  const { config } = cfg;
  const stops: (() => Promise<void>)[] = [];
  try {
    let meiliUrl = cfg.meili.url;
    if (config.MEILI_URL) await waitForHttp(`${meiliUrl}/health`, { timeoutMs: 15_000 });
    else {
      log(`starting Meilisearch (data in ${cfg.data.meiliDataDir})`);
      const indexing = { maxIndexingMemory: config.MEILI_MAX_INDEXING_MEMORY, maxIndexingThreads: config.MEILI_MAX_INDEXING_THREADS };
      const meili = await startMeili({
        dataDir: cfg.data.meiliDataDir,
        masterKey: config.MEILI_MASTER_KEY,
        port: config.MEILI_PORT,
        indexing,
      });
      stops.push(() => meili.stop());
      meiliUrl = meili.url;
    }
    const parts = partsEnv(env, cfg.data, meiliUrl);
    log(`starting Strapi on ${config.STRAPI_URL}`);
    await ensureCmsBuild({ admin: false });
    const strapi = await startStrapi({
      env: parts.public,
      host: config.STRAPI_HOST,
      port: config.STRAPI_PORT,
      databaseFilename: cfg.data.databaseFilename,
    });
    stops.push(() => strapi.stop());

    log('reindexing from the CMS (search-sync reindex)');
    const reindex = lastJson<{ reindex: ReindexProgress }>(
      await run((onLine) => spawnBin('@stackguide/search-sync', ['reindex', '--json'], { env: parts.service, onLine }), log),
    );
    const keys = lastJson<{ searchKey: string; url: string }>(
      await run((onLine) => spawnBin('@stackguide/search-sync', ['keys', '--json'], { env: parts.service, onLine }), log),
    );

    log(`building the site into ${siteOut}`);
    const siteDir = resolveBin('@stackguide/site').dir;
    const siteEnv = { ...parts.public, MEILI_SEARCH_KEY: keys.searchKey, MEILI_PUBLIC_URL: config.MEILI_PUBLIC_URL ?? keys.url };
    const built = lastJson<{ pages: number }>(
      await run(
        (onLine) =>
          spawnChild('site-build', process.execPath, ['--import', 'tsx', path.join('server', 'build-cli.ts'), '--out', siteOut], {
            cwd: siteDir,
            env: siteEnv,
            onLine,
          }),
        log,
      ),
    );
    return { documents: reindex.reindex.done, pages: built.pages };
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}
