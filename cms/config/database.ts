import type { Core } from '@strapi/strapi';
import path from 'node:path';

// Relative SQLite paths are resolved from the repository root (one level above cms/), where .data/ lives.
const repoRoot = path.resolve(process.cwd(), '..');

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const client = env('DATABASE_CLIENT', '') || (env('DATABASE_URL', '') ? 'postgres' : 'sqlite');
  if (client === 'sqlite') {
    return {
      connection: {
        client: 'sqlite',
        connection: { filename: path.resolve(repoRoot, env('DATABASE_FILENAME', '.data/cms.db')) },
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
  if (client === 'postgres') {
    const url = env('DATABASE_URL', '');
    return {
      connection: {
        client: 'postgres',
        connection: url
          ? { connectionString: url, ssl: env.bool('DATABASE_SSL', false) && { rejectUnauthorized: false } }
          : {
              host: env('DATABASE_HOST', '127.0.0.1'),
              port: env.int('DATABASE_PORT', 5432),
              database: env('DATABASE_NAME', 'stackguide'),
              user: env('DATABASE_USERNAME', 'stackguide'),
              password: env('DATABASE_PASSWORD', ''),
              ssl: env.bool('DATABASE_SSL', false) && { rejectUnauthorized: false },
              schema: env('DATABASE_SCHEMA', 'public'),
            },
        pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
      },
    };
  }
  throw new Error(`DATABASE_CLIENT must be "sqlite" or "postgres", got "${client}"`);
};
