import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { waitFor } from '@stackguide/runtime';
import { freePort, spawnChild } from '@stackguide/launch';

const exec = promisify(execFile);
const USER = 'stackguide';

export type PostgresProcess = {
  /** Connection URL of the `postgres` maintenance database; create per-test databases from it. */
  url: string;
  host: string;
  port: number;
  stop(): Promise<void>;
};

/** Directory with initdb/postgres from Debian's postgresql package, or null when it is not installed. */
export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')));
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return newest ? path.join(root, newest, 'bin') : null;
}

/**
 * Starts a throwaway PostgreSQL cluster in a temp dir on a free loopback port (trust auth, user
 * `stackguide`). PostgreSQL refuses to run as root, so as root it runs as the `postgres` user.
 * @throws Error when the binaries are missing or the server does not accept connections.
 */
export async function startPostgres(): Promise<PostgresProcess> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stackguide-pg-'));
  const asRoot = process.getuid?.() === 0;
  const wrap = (command: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  if (asRoot) await exec('chown', ['postgres:postgres', dir]);
  const dataDir = path.join(dir, 'data');
  await exec(...wrap(path.join(bin, 'initdb'), ['-D', dataDir, '-U', USER, '--auth=trust', '-E', 'UTF8', '--no-sync']));
  const port = await freePort();
  const child = spawnChild(
    'postgres',
    ...wrap(path.join(bin, 'postgres'), ['-D', dataDir, '-p', String(port), '-h', '127.0.0.1', '-k', dir, '-c', 'fsync=off']),
    {},
  );
  const stop = async () => {
    await child.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(
      `PostgreSQL to accept connections on port ${port}`,
      async () => {
        await exec(path.join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-U', USER]);
        return true;
      },
      { timeoutMs: 30_000, intervalMs: 200, isAlive: child.alive },
    );
  } catch (err) {
    await stop();
    throw err;
  }
  return { url: `postgres://${USER}@127.0.0.1:${port}/postgres`, host: '127.0.0.1', port, stop };
}
