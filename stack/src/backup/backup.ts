import fs from 'node:fs';
import path from 'node:path';
import { progressBar } from '@stackguide/runtime';
import type { BackupConfig } from './backup-config.ts';
import { packArchive } from './archive.ts';
import { cmsCounts } from './cms-counts.ts';
import { ARCHIVE_DIRS, describeFiles, listFiles, MANIFEST_FILE, type Manifest, POSTGRES_DUMP, SQLITE_DUMP } from './manifest.ts';
import { dumpPostgres, postgresVersion } from './postgres.ts';
import type { SqlReader } from './sql-reader.ts';
import { onlineBackup, rowCounts, sqliteReader } from './sqlite-files.ts';
import { partVersions } from './versions.ts';

type Log = (line: string) => void;
type CmsPart = { counts: Manifest['counts']['cms']; mediaUrls: Set<string>; database: string };

/** Paths under /uploads/ that the CMS's media library points at (each file and its resized formats). */
async function mediaUrls(db: SqlReader): Promise<Set<string>> {
  const tables = await db.tables();
  if (!tables.has('files')) return new Set();
  const rows = await db.all('SELECT url, formats FROM files');
  const text = rows.map(
    (row) => `${String(row.url ?? '')} ${typeof row.formats === 'string' ? row.formats : JSON.stringify(row.formats ?? null)}`,
  );
  return new Set(text.flatMap((t) => [...t.matchAll(/\/uploads\/([^"?#\s]+)/g)].map((m) => decodeURIComponent(m[1]!))));
}

async function backupCms(cfg: BackupConfig, dir: string, log: Log): Promise<CmsPart> {
  const describe = async (db: SqlReader) => ({ counts: await cmsCounts(db), mediaUrls: await mediaUrls(db) });
  if (cfg.database.client === 'postgres') {
    const { target } = cfg.database;
    log(`CMS database: pg_dump of ${target.name}`);
    const part = await dumpPostgres(target, path.join(dir, POSTGRES_DUMP), describe);
    return { ...part, database: await postgresVersion(target) };
  }
  const copy = path.join(dir, SQLITE_DUMP);
  const bar = progressBar('CMS database (SQLite online backup)', 1, { unit: 'pages' });
  let pages = 0;
  await onlineBackup(cfg.database.file, copy, (done, total) => {
    pages = total;
    bar.setTotal(total);
    bar.update(done);
  });
  bar.update(pages);
  bar.end();
  const reader = sqliteReader(copy);
  try {
    const [{ version } = { version: '?' }] = (await reader.all('SELECT sqlite_version() AS version')) as { version: string }[];
    return { ...(await describe(reader)), database: `SQLite ${version}` };
  } finally {
    reader.close();
  }
}

/** Links (or, across file systems, copies) every upload into the staging folder: deletions during the backup cannot tear it. */
function stageUploads(from: string, to: string): Manifest['counts']['uploads'] {
  let bytes = 0;
  const files = listFiles(from).filter((file) => file !== '.gitkeep');
  const bar = progressBar('uploads', files.length, { unit: 'files' });
  for (const file of files) {
    const target = path.join(to, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    try {
      fs.linkSync(path.join(from, file), target);
    } catch {
      fs.copyFileSync(path.join(from, file), target);
    }
    bytes += fs.statSync(target).size;
    bar.tick(1, file);
  }
  bar.end();
  return { files: files.length, bytes };
}

/** Online backups of search-sync's SQLite files (the queue with its dead letters, the analytics), with their rows per table. */
async function backupSearchSync(from: string, to: string, log: Log): Promise<Manifest['counts']['searchSync']> {
  const counts: Manifest['counts']['searchSync'] = {};
  const files = fs.existsSync(from)
    ? fs
        .readdirSync(from)
        .filter((name) => name.endsWith('.db'))
        .sort()
    : [];
  if (files.length === 0) log(`search-sync: no databases in ${from} (none yet, or SEARCH_SYNC_DATA_DIR points elsewhere)`);
  for (const name of files) {
    const copy = path.join(to, name);
    await onlineBackup(path.join(from, name), copy);
    const reader = sqliteReader(copy);
    try {
      counts[name] = await rowCounts(reader);
    } finally {
      reader.close();
    }
    log(
      `search-sync: ${name} (${Object.entries(counts[name]!)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ')})`,
    );
  }
  return counts;
}

/**
 * Writes one archive of everything that cannot be derived: the CMS's database (a consistent
 * snapshot while it runs), the uploads, search-sync's queue and analytics, and a manifest with the
 * versions, the counts and a checksum of every file. The index and the site are derived; a restore rebuilds them.
 * @throws Error from the step that failed; no archive is left then.
 */
export async function createBackup(cfg: BackupConfig, out: string, log: Log): Promise<Manifest> {
  const staging = `${out}.staging`;
  fs.rmSync(staging, { recursive: true, force: true });
  const dir = (name: string) => {
    fs.mkdirSync(path.join(staging, name), { recursive: true });
    return path.join(staging, name);
  };
  try {
    const createdAt = new Date().toISOString();
    // The database first: uploads taken after it hold every file it names (a file deleted in
    // between is reported); one uploaded in between is kept as a file nothing uses yet.
    const cms = await backupCms(cfg, dir(ARCHIVE_DIRS.cms), log);
    const uploads = stageUploads(cfg.uploadsDir, dir(ARCHIVE_DIRS.uploads));
    const searchSync = await backupSearchSync(cfg.searchSyncDir, dir(ARCHIVE_DIRS.searchSync), log);
    const staged = new Set(listFiles(path.join(staging, ARCHIVE_DIRS.uploads)));
    const missing = [...cms.mediaUrls].filter((file) => !staged.has(file)).sort();
    const warnings = missing.map((file) => `uploads/${file} is in the media library but was not in ${cfg.uploadsDir}`);
    for (const warning of warnings) log(`warning: ${warning}`);
    const bar = progressBar('checksums', listFiles(staging).length, { unit: 'files' });
    const files = await describeFiles(staging, () => bar.tick());
    bar.end();
    const manifest: Manifest = {
      format: 1,
      createdAt,
      database: cfg.database.client,
      versions: await partVersions(cfg.meili, cms.database),
      counts: { cms: cms.counts, uploads, searchSync },
      warnings,
      files,
    };
    fs.writeFileSync(path.join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const packing = progressBar('archive (tar + zstd)', files.length + 1, { unit: 'files' });
    await packArchive(staging, out, () => packing.tick());
    packing.end();
    return manifest;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
