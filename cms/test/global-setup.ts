import type { TestProject } from 'vitest/node';
import { ensureCmsBuild, needTool, postgresBinDir, startPostgres, type PostgresProcess } from '@stackguide/test-kit';

let postgres: PostgresProcess | undefined;

/**
 * One PostgreSQL cluster for the whole run when the package is installed; each test file makes its
 * own database. Without it the postgres lane is skipped with a notice, or, where
 * STACKGUIDE_REQUIRE_POSTGRES=1 (CI), the run fails. CMS_TEST_SKIP_POSTGRES=true leaves it out on
 * purpose (a quicker local run), never where it is required.
 */
export async function setup(project: TestProject): Promise<void> {
  // The admin build rewrites cms/dist: done here, before any worker, it cannot pull files from
  // under a Strapi another test file is starting.
  await ensureCmsBuild({ admin: true });
  const leftOut = process.env.CMS_TEST_SKIP_POSTGRES === 'true';
  if (leftOut && process.env.STACKGUIDE_REQUIRE_POSTGRES === '1')
    throw new Error('CMS_TEST_SKIP_POSTGRES=true leaves out the postgres lane, which STACKGUIDE_REQUIRE_POSTGRES=1 requires');
  const runs =
    !leftOut &&
    needTool({
      name: 'PostgreSQL',
      installed: postgresBinDir() !== null,
      variable: 'STACKGUIDE_REQUIRE_POSTGRES',
      install: 'apt-get install postgresql',
    });
  if (runs) postgres = await startPostgres();
  project.provide('postgresUrl', postgres?.url ?? '');
}

export async function teardown(): Promise<void> {
  await postgres?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
