import { ConfigError } from '@stackguide/contracts/parse-config';
import { SEARCH_KEY_PATH } from '@stackguide/contracts/search-key';
import { fetchSearchKey, withRootEnv } from '@stackguide/runtime';
import { startCms } from './cms-step.ts';
import { startEmbedder } from './embedder-step.ts';
import { parseStackConfig, type StackConfig } from './config.ts';
import { ensureEnvFile } from './env-file.ts';
import { unsupportedNode, wantedNode } from './node-version.ts';
import { startSearchEngine } from './meili-step.ts';
import { checkPorts, portClaims } from './port-check.ts';
import { FIX as SEARCH_SYNC_FIX, startSearchSync } from './search-sync-step.ts';
import { startSite } from './site-step.ts';
import { stackPaths, type StackPaths } from './stack-paths.ts';
import { dataPaths, partsEnv } from './parts-env.ts';
import { StartupError } from './startup-error.ts';
import { Supervisor } from './supervisor.ts';
import { announcement } from './table.ts';
import { urlPortWarnings } from './url-check.ts';

const STOP_GRACE_MS = 7_000;

/** The search-only key from the running search-sync, waiting while it makes sure the key exists. */
async function searchKey(searchSyncUrl: string) {
  try {
    return await fetchSearchKey(`${searchSyncUrl}${SEARCH_KEY_PATH}`, 30_000);
  } catch (err) {
    throw new StartupError('search-sync', err instanceof Error ? err.message : String(err), SEARCH_SYNC_FIX, { cause: err });
  }
}

/** Shutdown started (Ctrl-C or a dying part) while a step was running: start nothing more. */
class Stopped extends Error {
  override name = 'Stopped';
}

async function start(paths: StackPaths, supervisor: Supervisor): Promise<void> {
  const guard = () => {
    if (supervisor.isStopping) throw new Stopped();
  };

  const nodeProblem = unsupportedNode(process.version, wantedNode(paths.root));
  if (nodeProblem)
    throw new StartupError(
      'stack',
      nodeProblem,
      'run `source scripts/use-node.sh`, then `npm install` again (native addons are built for one Node)',
    );

  const envFiles = { envFile: paths.envFile, exampleFile: paths.envExample };
  const result = ensureEnvFile(envFiles);
  if (result.created) supervisor.say(`created ${paths.envFile} with fresh random secrets (mode 0600); edit it to change settings`);
  else supervisor.say(`using settings from ${paths.envFile}`);
  for (const name of result.added) supervisor.say(`added the missing secret ${name} to ${paths.envFile}`);

  const env = withRootEnv(process.env, paths.envFile);
  let config: StackConfig;
  try {
    config = parseStackConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) throw new StartupError('stack', err.message, `edit ${paths.envFile}`);
    throw err;
  }

  for (const warning of urlPortWarnings(env, config)) supervisor.say(`warning: ${warning}`);
  await checkPorts(portClaims(config), paths.envFile);
  guard();

  const data = dataPaths(config, paths);
  const meiliUrl = await startSearchEngine(config, data.meiliDataDir, supervisor);
  guard();

  const { service: serviceEnv, public: publicEnv } = partsEnv(env, data, meiliUrl);

  await startCms(config, publicEnv, data.databaseFilename, supervisor);
  guard();
  const embedderUrl = await startEmbedder(config, publicEnv, supervisor);
  guard();
  const searchSyncUrl = await startSearchSync(config, serviceEnv, supervisor);
  guard();
  const key = await searchKey(searchSyncUrl);
  guard();
  const siteUrl = await startSite(
    config,
    { ...publicEnv, MEILI_SEARCH_KEY: key.searchKey, MEILI_PUBLIC_URL: config.MEILI_PUBLIC_URL ?? key.url },
    supervisor,
  );
  guard();

  supervisor.say('everything is up');
  process.stdout.write(
    announcement({
      strapiUrl: config.STRAPI_URL,
      siteUrl,
      previewUrl: config.PREVIEW_URL ?? siteUrl,
      searchSyncUrl,
      meiliUrl,
      embedderUrl,
      adminEmail: config.ADMIN_EMAIL,
      envFile: paths.envFile,
      logsDir: paths.logsDir,
    }),
  );
}

const paths = stackPaths();
const supervisor = new Supervisor({
  logsDir: paths.logsDir,
  write: (text) => process.stdout.write(text),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  exit: (code) => process.exit(code),
  // Everything is down within 10 s of a stop signal, as `docker stop` and the like expect.
  graceMs: STOP_GRACE_MS,
});
supervisor.installSignalHandlers();
start(paths, supervisor).catch((err: unknown) => (err instanceof Stopped ? undefined : supervisor.fail(err)));
