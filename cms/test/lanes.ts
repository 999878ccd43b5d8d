import crypto from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export type Lane = { name: 'sqlite' | 'postgres'; env(): Promise<Record<string, string>> };

/**
 * The databases the integration tests run against: SQLite always, PostgreSQL when it is installed
 * (global-setup.ts starts it, or fails the run where it is required).
 * @throws Error when STACKGUIDE_REQUIRE_POSTGRES=1 and no cluster was provided, so no lane is dropped silently.
 */
export function lanes(): Lane[] {
  const postgresUrl = inject('postgresUrl');
  const sqlite: Lane = { name: 'sqlite', env: async () => ({}) };
  if (!postgresUrl && process.env.STACKGUIDE_REQUIRE_POSTGRES === '1')
    throw new Error('STACKGUIDE_REQUIRE_POSTGRES=1, but no PostgreSQL cluster was started for the postgres lane');
  if (!postgresUrl) return [sqlite];
  const postgres: Lane = {
    name: 'postgres',
    async env() {
      const database = `cms_${crypto.randomBytes(6).toString('hex')}`;
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${database}`);
      } finally {
        await client.end();
      }
      return { DATABASE_CLIENT: 'postgres', DATABASE_URL: postgresUrl.replace(/\/postgres$/, `/${database}`) };
    },
  };
  return [sqlite, postgres];
}
