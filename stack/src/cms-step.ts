import { ensureCmsBuild, startStrapi } from '@stackguide/launch';
import { StartupError } from './startup-error.ts';
import type { StackConfig } from './config.ts';
import type { Supervisor } from './supervisor.ts';

const STRAPI_TIMEOUT_MS = 240_000;

/**
 * Builds the CMS when needed and starts Strapi with the admin panel; Strapi seeds, creates the admin user,
 * the read-only token and the webhook itself.
 * @throws StartupError for a failed build or a Strapi that does not become healthy.
 */
export async function startCms(
  config: StackConfig,
  env: NodeJS.ProcessEnv,
  databaseFilename: string,
  supervisor: Supervisor,
): Promise<void> {
  const build = supervisor.output('cms-build');
  supervisor.say('compiling the CMS (and building the admin panel when missing or stale)');
  try {
    await ensureCmsBuild({ admin: true, onLine: build.line });
  } catch (err) {
    throw new StartupError(
      'cms-build',
      `the CMS build failed: ${firstLine(err)}`,
      'fix the error shown in the log, then run `npm start` again (or `npm run build -w cms` to retry the build alone)',
      { cause: err },
    );
  }
  const output = supervisor.output('cms');
  supervisor.say(`starting Strapi on ${config.STRAPI_URL} (first start seeds the demo content; up to ${STRAPI_TIMEOUT_MS / 60_000} min)`);
  const launch = () =>
    startStrapi({
      env,
      host: config.STRAPI_HOST,
      port: config.STRAPI_PORT,
      databaseFilename,
      serveAdmin: true,
      timeoutMs: STRAPI_TIMEOUT_MS,
      onLine: output.line,
    });
  try {
    const strapi = await launch();
    supervisor.keep('cms', strapi.child, { fix: 'see its log for the error Strapi reported', restart: async () => (await launch()).child });
  } catch (err) {
    throw new StartupError(
      'cms',
      `Strapi did not start: ${firstLine(err)}`,
      `check the Strapi secrets and DATABASE_* in .env; to start from a fresh seed, delete the database file ${databaseFilename}`,
      { cause: err },
    );
  }
}

// The full error (with Strapi's last output) is already in the log; the summary stays one line.
const firstLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
