import { spawn } from 'node:child_process';
import fs from 'node:fs';
import pg from 'pg';
import type { SqlReader } from './sql-reader.ts';

/** A PostgreSQL database: its URL without the password (which goes to the tools through PGPASSWORD). */
export type PostgresTarget = { url: string; password: string | undefined; ssl: boolean; name: string };

type PostgresVariables = {
  DATABASE_URL?: string | undefined;
  DATABASE_HOST: string;
  DATABASE_PORT: number;
  DATABASE_NAME: string;
  DATABASE_USERNAME: string;
  DATABASE_PASSWORD?: string | undefined;
  DATABASE_SSL: boolean;
};

/** The CMS's database from DATABASE_URL, or from DATABASE_HOST, _PORT, _NAME, _USERNAME and _PASSWORD as the CMS reads them. */
export function postgresTarget(c: PostgresVariables): PostgresTarget {
  const url = new URL(
    c.DATABASE_URL ??
      `postgres://${encodeURIComponent(c.DATABASE_USERNAME)}@${c.DATABASE_HOST}:${c.DATABASE_PORT}/${encodeURIComponent(c.DATABASE_NAME)}`,
  );
  const password = url.password ? decodeURIComponent(url.password) : c.DATABASE_PASSWORD;
  url.password = '';
  return { url: url.toString(), password, ssl: c.DATABASE_SSL, name: decodeURIComponent(url.pathname.slice(1)) };
}

function client(target: PostgresTarget): pg.Client {
  return new pg.Client({
    connectionString: target.url,
    ...(target.password === undefined ? {} : { password: target.password }),
    ...(target.ssl ? { ssl: { rejectUnauthorized: false } } : {}),
  });
}

const toolEnv = (target: PostgresTarget): NodeJS.ProcessEnv => ({
  ...process.env,
  ...(target.password === undefined ? {} : { PGPASSWORD: target.password }),
  ...(target.ssl ? { PGSSLMODE: 'require' } : {}),
});

function reader(db: pg.Client): SqlReader {
  return {
    all: async (sql) => (await db.query(sql)).rows as Record<string, unknown>[],
    async tables() {
      const { rows } = await db.query<{ table_name: string; column_name: string }>(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'",
      );
      const tables = new Map<string, Set<string>>();
      for (const row of rows) tables.set(row.table_name, (tables.get(row.table_name) ?? new Set()).add(row.column_name));
      return tables;
    },
  };
}

/** Runs a PostgreSQL client tool (pg_dump, psql) and waits for it. @throws Error with its stderr when it fails or is missing. */
function runTool(command: string, args: string[], target: PostgresTarget, stdout?: fs.WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: toolEnv(target), stdio: ['ignore', stdout ? 'pipe' : 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    if (stdout) child.stdout?.pipe(stdout);
    child.once('error', (err) =>
      reject(new Error(`${command} could not be run (${err.message}): install the PostgreSQL client tools (Debian: postgresql-client)`)),
    );
    child.once('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} exited with code ${code}: ${stderr.trim().split('\n').slice(-5).join(' | ')}`));
    });
  });
}

/**
 * Dumps the database with pg_dump (plain SQL, no owners or privileges, so it restores as another
 * user) into `file`, and runs `inSnapshot` on the very snapshot pg_dump reads: counts taken there
 * describe exactly what the dump holds, while the CMS goes on writing.
 * @throws Error when PostgreSQL or pg_dump fail.
 */
export async function dumpPostgres<T>(target: PostgresTarget, file: string, inSnapshot: (db: SqlReader) => Promise<T>): Promise<T> {
  const db = client(target);
  await db.connect();
  try {
    await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows } = await db.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot');
    const out = fs.createWriteStream(file);
    const finished = new Promise<void>((resolve, reject) => out.once('finish', () => resolve()).once('error', reject));
    await runTool(
      'pg_dump',
      ['--format=plain', '--no-owner', '--no-privileges', `--snapshot=${rows[0]!.snapshot}`, `--dbname=${target.url}`],
      target,
      out,
    );
    await finished;
    const result = await inSnapshot(reader(db));
    await db.query('COMMIT');
    return result;
  } finally {
    await db.end();
  }
}

/** Runs `fn` with a reader on the database. */
export async function readPostgres<T>(target: PostgresTarget, fn: (db: SqlReader) => Promise<T>): Promise<T> {
  const db = client(target);
  await db.connect();
  try {
    return await fn(reader(db));
  } finally {
    await db.end();
  }
}

/** The tables in the database's public schema: none means it is empty. */
export const postgresTables = (target: PostgresTarget) => readPostgres(target, async (db) => [...(await db.tables()).keys()]);

/** The server's version, for the manifest. */
export const postgresVersion = (target: PostgresTarget) =>
  readPostgres(target, async (db) => `PostgreSQL ${String((await db.all('SHOW server_version'))[0]?.server_version ?? '?')}`);

/**
 * Empties the public schema (drops every table) and loads a pg_dump file into it with psql, in one
 * transaction that stops at the first error, so a failed restore leaves the schema empty rather than half loaded.
 * @throws Error with psql's message.
 */
export async function restorePostgres(target: PostgresTarget, file: string): Promise<void> {
  await readPostgres(target, (db) => db.all('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public'));
  await runTool(
    'psql',
    ['--quiet', '--no-psqlrc', '--single-transaction', '-v', 'ON_ERROR_STOP=1', '--file', file, `--dbname=${target.url}`],
    target,
  );
}
