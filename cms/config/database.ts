import path from 'node:path';
import { parseConfig } from '@stackguide/contracts/parse-config';

// Relative SQLite paths are resolved from the repository root (one level above cms/), where .data/ lives.
const repoRoot = path.resolve(process.cwd(), '..');

export default () => {
  const c = parseConfig(
    {
      DATABASE_CLIENT: 'optional',
      DATABASE_FILENAME: 'required',
      DATABASE_URL: 'optional',
      DATABASE_HOST: 'required',
      DATABASE_PORT: 'required',
      DATABASE_NAME: 'required',
      DATABASE_USERNAME: 'required',
      DATABASE_PASSWORD: 'optional',
      DATABASE_SSL: 'required',
    },
    process.env,
  );
  const client = c.DATABASE_CLIENT ?? (c.DATABASE_URL ? 'postgres' : 'sqlite');
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
