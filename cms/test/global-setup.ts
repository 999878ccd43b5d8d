import type { TestProject } from 'vitest/node';
import { postgresBinDir, startPostgres, type PostgresProcess } from '@stackguide/test-kit';

let postgres: PostgresProcess | undefined;

/** One PostgreSQL cluster for the whole run when the package is installed; each test file makes its own database. */
export async function setup(project: TestProject): Promise<void> {
  if (postgresBinDir() && process.env.CMS_TEST_SKIP_POSTGRES !== 'true') {
    postgres = await startPostgres();
    project.provide('postgresUrl', postgres.url);
  } else {
    console.warn('cms tests: PostgreSQL not installed, the postgres lane is skipped (apt-get install postgresql)');
    project.provide('postgresUrl', '');
  }
}

export async function teardown(): Promise<void> {
  await postgres?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
