import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, progressBar, stepLog, withRootEnv } from '@stackguide/runtime';
import { stackPaths } from '../stack-paths.ts';
import { unpackArchive } from './archive.ts';
import { createBackup } from './backup.ts';
import { backupConfig, type BackupConfig } from './backup-config.ts';
import { MANIFEST_FILE, parseManifest, verifyFiles } from './manifest.ts';
import { rebuildDerived } from './rebuild.ts';
import { checkRestored, occupied, putInPlace } from './restore.ts';
import { describeBackup } from './summary.ts';

const USAGE = `Usage: npm run backup [-- --out <file.tar.zst>]
       npm run restore -- <archive> [--force] [--no-rebuild] [--site-out <dir>]
  both also take --uploads <dir> and --search-sync-data <dir> (docker-compose volumes seen from the
  host; restore then needs --no-rebuild) and --verbose (the full error)`;

const OPTIONS = {
  out: { type: 'string' },
  force: { type: 'boolean', default: false },
  'no-rebuild': { type: 'boolean', default: false },
  'site-out': { type: 'string' },
  uploads: { type: 'string' },
  'search-sync-data': { type: 'string' },
  verbose: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

/** Paths a user typed are relative to where they ran npm, not to this workspace. */
const fromUser = (p: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), p);
const say = (line: string) => process.stdout.write(`${line}\n`);

/** The parts that answer where this configuration says they listen: a restore must not replace their data under them. */
async function runningParts(cfg: BackupConfig): Promise<string[]> {
  const { config } = cfg;
  const probes = [
    ['Strapi', `${config.STRAPI_URL}/_health`],
    ['search-sync', `http://${config.SEARCH_SYNC_HOST}:${config.SEARCH_SYNC_PORT}/health`],
  ] as const;
  const answers = await Promise.all(
    probes.map(async ([name, url]) => {
      try {
        await fetch(url, { signal: AbortSignal.timeout(1_500) });
        return `${name} answers at ${url}`;
      } catch {
        return null;
      }
    }),
  );
  return answers.filter((a): a is string => a !== null);
}

async function backup(cfg: BackupConfig, out: string | undefined): Promise<void> {
  const file = out
    ? fromUser(out)
    : path.join(REPO_ROOT, 'backups', `stackguide-${new Date().toISOString().replace(/[:.]/g, '-')}.tar.zst`);
  const manifest = await createBackup(cfg, file, stepLog('backup'));
  say(`backup written: ${file} (${fs.statSync(file).size.toLocaleString('en-US')} bytes)`);
  for (const line of describeBackup(manifest)) say(`  ${line}`);
  say('  not in it: .env (keep your own copy: secrets and token values), the search index and the site builds (a restore rebuilds them)');
}

async function restore(
  cfg: BackupConfig,
  env: NodeJS.ProcessEnv,
  archive: string,
  opts: { force: boolean; rebuild: boolean; siteOut: string },
): Promise<void> {
  const log = stepLog('restore');
  const running = await runningParts(cfg);
  if (running.length > 0)
    throw new Error(`the system is running (${running.join('; ')}): stop it first, a restore replaces its data. Nothing was changed.`);
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'stackguide-restore-'));
  try {
    log(`unpacking ${archive}`);
    await unpackArchive(archive, staging);
    const manifestFile = path.join(staging, MANIFEST_FILE);
    if (!fs.existsSync(manifestFile))
      throw new Error(`${archive} is not a Stackguide backup: it has no ${MANIFEST_FILE}. Nothing was changed.`);
    const manifest = parseManifest(fs.readFileSync(manifestFile, 'utf8'));
    const bar = progressBar('checksums', manifest.files.length, { unit: 'files' });
    const damaged = await verifyFiles(staging, manifest, () => bar.tick());
    bar.end();
    if (damaged.length > 0) throw new Error(`${archive} is damaged; nothing was changed:\n  ${damaged.join('\n  ')}`);
    log(`checksums: all ${manifest.files.length} files match the manifest`);
    const there = await occupied(cfg);
    if (there.length > 0 && !opts.force)
      throw new Error(
        `refusing to overwrite existing data; nothing was changed:\n  ${there.join('\n  ')}\nRestore onto empty places, or add --force to replace what is there.`,
      );
    if (there.length > 0) log(`--force: replacing ${there.join('; ')}`);
    await putInPlace(cfg, manifest, staging, log);
    const wrong = await checkRestored(cfg, manifest);
    if (wrong.length > 0) throw new Error(`the restored data differs from the manifest:\n  ${wrong.join('\n  ')}`);
    say(`restored ${archive}:`);
    for (const line of describeBackup(manifest)) say(`  ${line}`);
    say(`  lost: every change made after ${manifest.createdAt} (it is not in this backup)`);
    if (!opts.rebuild) {
      say('  not rebuilt (--no-rebuild): run `npm run reindex -w search-sync` once the CMS runs; the site builds when it starts');
      return;
    }
    const rebuilt = await rebuildDerived(cfg, env, opts.siteOut, log);
    say(`  rebuilt: the search index from the CMS (${rebuilt.documents} articles), the site (${rebuilt.pages} files in ${opts.siteOut})`);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({ options: OPTIONS, allowPositionals: true });
  const [command, archive, ...rest] = positionals;
  const wrongArgs = command === 'restore' ? !archive || rest.length > 0 : command !== 'backup' || archive !== undefined;
  if (values.help || wrongArgs) {
    say(USAGE);
    if (!values.help) process.exitCode = 2;
    return;
  }
  const paths = stackPaths();
  const env = withRootEnv(process.env, paths.envFile);
  const overrides = {
    uploads: values.uploads && fromUser(values.uploads),
    searchSyncData: values['search-sync-data'] && fromUser(values['search-sync-data']),
  };
  const cfg = backupConfig(env, paths, overrides);
  if (command === 'backup') return backup(cfg, values.out);
  const moved = overrides.uploads ?? overrides.searchSyncData;
  if (moved && !values['no-rebuild'])
    throw new Error('--uploads and --search-sync-data need --no-rebuild: the rebuild starts the parts on the configured folders');
  return restore(cfg, env, fromUser(archive!), {
    force: values.force,
    rebuild: !values['no-rebuild'],
    siteOut: values['site-out'] ? fromUser(values['site-out']) : path.join(REPO_ROOT, 'site', 'dist'),
  });
}

try {
  await main();
} catch (err) {
  const verbose = process.argv.includes('--verbose');
  process.stderr.write(`${process.argv[2] ?? 'backup'}: ${err instanceof Error ? (verbose && err.stack) || err.message : String(err)}\n`);
  process.exitCode = 1;
}
