import path from 'node:path';
import { CMS_DATABASE_VARIABLES, cmsDatabaseClient } from '@stackguide/contracts/cms-database';
import { parseConfig } from '@stackguide/contracts/parse-config';

// Relative SQLite paths are resolved from the repository root (one level above cms/), where .data/ lives.
const repoRoot = path.resolve(process.cwd(), '..');

export default () => {
  const c = parseConfig(CMS_DATABASE_VARIABLES, process.env);
  const client = cmsDatabaseClient(c);
  if (client === 'sqlite') {
    return {
      connection: {
        client: 'sqlite',
        connection: { filename: path.resolve(repoRoot, c.DATABASE_FILENAME) },
        useNullAsDefault: true,
        pool: {
          afterCreate: (conn: { pragma(sql: string): unknown }, done: (err: Error | null, conn: unknown) => void) => {
            conn.pragma('journal_mode = WAL');
            conn.pragma('synchronous = NORMAL');
            // One-off jobs (generate, seed, backup) write beside the running CMS: a writer waits for
            // the other's transaction instead of failing with "database is locked" after 5 s.
            conn.pragma('busy_timeout = 60000');
            done(null, conn);
          },
        },
      },
    };
  }
  const ssl = c.DATABASE_SSL && { rejectUnauthorized: false };
  return {
    connection: {
      client: 'postgres',
      connection: c.DATABASE_URL
        ? { connectionString: c.DATABASE_URL, ssl }
        : {
            host: c.DATABASE_HOST,
            port: c.DATABASE_PORT,
            database: c.DATABASE_NAME,
            user: c.DATABASE_USERNAME,
            password: c.DATABASE_PASSWORD ?? '',
            ssl,
          },
      pool: { min: 0, max: 10 },
    },
  };
};
