import fs from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';
import type { BackupConfig } from './backup-config.ts';
import { cmsCounts } from './cms-counts.ts';
import { ARCHIVE_DIRS, listFiles, type Manifest, POSTGRES_DUMP, SQLITE_DUMP } from './manifest.ts';
import { postgresTables, readPostgres, restorePostgres } from './postgres.ts';
import { rowCounts, sqliteReader } from './sqlite-files.ts';

const SQLITE_SIDE_FILES = ['', '-wal', '-shm', '-journal'];
const isSqliteFile = (name: string) => /\.db(-wal|-shm|-journal)?$/.test(name);
const uploadsIn = (dir: string) => listFiles(dir).filter((file) => file !== '.gitkeep');

/** What is already where a restore would write: one line per place holding data, none when all are empty. */
export async function occupied(cfg: BackupConfig): Promise<string[]> {
  const found: string[] = [];
  if (cfg.database.client === 'postgres') {
    const tables = await postgresTables(cfg.database.target);
    if (tables.length > 0) found.push(`the PostgreSQL database ${cfg.database.target.name} has ${tables.length} tables`);
  } else if (fs.existsSync(cfg.database.file)) found.push(`the CMS database ${cfg.database.file} exists`);
  const uploads = uploadsIn(cfg.uploadsDir);
  if (uploads.length > 0) found.push(`${cfg.uploadsDir} holds ${uploads.length} files`);
  const sync = fs.existsSync(cfg.searchSyncDir) ? fs.readdirSync(cfg.searchSyncDir).filter(isSqliteFile) : [];
  if (sync.length > 0) found.push(`${cfg.searchSyncDir} holds ${sync.join(', ')}`);
  return found;
}

function replaceSqlite(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  for (const suffix of SQLITE_SIDE_FILES) fs.rmSync(`${to}${suffix}`, { force: true });
  fs.copyFileSync(from, `${to}.restoring`);
  fs.renameSync(`${to}.restoring`, to);
}

/**
 * Puts the unpacked, verified backup in `staging` in place: the CMS's database (SQLite file, or the
 * dump loaded into the emptied PostgreSQL schema), the uploads (replacing any there) and search-sync's databases.
 */
export async function putInPlace(cfg: BackupConfig, manifest: Manifest, staging: string, log: (line: string) => void): Promise<void> {
  const cmsDir = path.join(staging, ARCHIVE_DIRS.cms);
  if (manifest.database !== cfg.database.client)
    throw new Error(
      `the backup holds a ${manifest.database} database, but this system is configured for ${cfg.database.client} (DATABASE_CLIENT, DATABASE_URL)`,
    );
  if (cfg.database.client === 'postgres') {
    log(`CMS database: loading the dump into ${cfg.database.target.name} (psql)`);
    await restorePostgres(cfg.database.target, path.join(cmsDir, POSTGRES_DUMP));
  } else {
    log(`CMS database: ${cfg.database.file}`);
    replaceSqlite(path.join(cmsDir, SQLITE_DUMP), cfg.database.file);
  }
  log(`uploads: ${manifest.counts.uploads.files} files into ${cfg.uploadsDir}`);
  fs.mkdirSync(cfg.uploadsDir, { recursive: true });
  for (const file of uploadsIn(cfg.uploadsDir)) fs.rmSync(path.join(cfg.uploadsDir, file));
  fs.cpSync(path.join(staging, ARCHIVE_DIRS.uploads), cfg.uploadsDir, { recursive: true });
  log(`search-sync: ${Object.keys(manifest.counts.searchSync).join(', ') || 'nothing'} into ${cfg.searchSyncDir}`);
  fs.mkdirSync(cfg.searchSyncDir, { recursive: true });
  for (const name of fs.readdirSync(cfg.searchSyncDir).filter(isSqliteFile)) fs.rmSync(path.join(cfg.searchSyncDir, name));
  for (const name of Object.keys(manifest.counts.searchSync))
    replaceSqlite(path.join(staging, ARCHIVE_DIRS.searchSync, name), path.join(cfg.searchSyncDir, name));
}

async function sqliteCounts(file: string) {
  const reader = sqliteReader(file);
  try {
    return await cmsCounts(reader);
  } finally {
    reader.close();
  }
}

/** Counts what is now in place and compares it with the manifest: one line per difference. */
export async function checkRestored(cfg: BackupConfig, manifest: Manifest): Promise<string[]> {
  const problems: string[] = [];
  const { database } = cfg;
  const cms = database.client === 'postgres' ? await readPostgres(database.target, cmsCounts) : await sqliteCounts(database.file);
  if (!isDeepStrictEqual(cms, manifest.counts.cms))
    problems.push(`the CMS database holds ${JSON.stringify(cms)}, the manifest says ${JSON.stringify(manifest.counts.cms)}`);
  const uploads = uploadsIn(cfg.uploadsDir).length;
  if (uploads !== manifest.counts.uploads.files)
    problems.push(`${uploads} uploads in place, the manifest says ${manifest.counts.uploads.files}`);
  for (const [name, expected] of Object.entries(manifest.counts.searchSync)) {
    const reader = sqliteReader(path.join(cfg.searchSyncDir, name));
    try {
      const rows = await rowCounts(reader);
      if (!isDeepStrictEqual(rows, expected))
        problems.push(`search-sync ${name} holds ${JSON.stringify(rows)}, the manifest says ${JSON.stringify(expected)}`);
    } finally {
      reader.close();
    }
  }
  return problems;
}
