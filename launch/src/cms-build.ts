import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { waitFor } from '@stackguide/runtime';
import { spawnChild } from './child.ts';
import { BIN_DIR, CMS_DIR, REPO_ROOT } from './paths.ts';

const ADMIN_INDEX = path.join(CMS_DIR, 'dist', 'build', 'index.html');
const ADMIN_STAMP = path.join(CMS_DIR, 'dist', 'build', '.stackguide-stamp');

/**
 * Compiles the CMS's TypeScript (incremental, seconds when nothing changed) and, when `admin` is
 * set, builds the admin panel if it is missing or was built for other Strapi versions or admin
 * customisations. The admin build takes minutes, so it only runs when needed.
 * @throws Error naming the command and its exit code when a build fails.
 */
export async function ensureCmsBuild(opts: { admin: boolean; onLine?: (line: string) => void }): Promise<void> {
  await withBuildLock(() => build(opts));
}

async function build(opts: { admin: boolean; onLine?: (line: string) => void }): Promise<void> {
  if (opts.admin && adminStamp() !== readStamp()) {
    opts.onLine?.('building the Strapi admin panel (first start or Strapi changed; takes a few minutes)…');
    await run('strapi build', path.join(BIN_DIR, 'strapi'), ['build'], opts.onLine);
    fs.writeFileSync(ADMIN_STAMP, adminStamp());
  }
  // After `strapi build` this settles tsc's incremental state, so the next call emits nothing.
  await run('tsc', path.join(BIN_DIR, 'tsc'), ['-p', 'tsconfig.json'], opts.onLine);
}

const LOCK_DIR = path.join(CMS_DIR, '.build-lock');

/** Test files run in parallel workers; two compilers writing cms/dist at once would corrupt it. */
async function withBuildLock(fn: () => Promise<void>): Promise<void> {
  await waitFor(
    `another CMS build to finish (lock ${LOCK_DIR})`,
    () => {
      try {
        fs.mkdirSync(LOCK_DIR);
        return true;
      } catch {
        const lock = fs.statSync(LOCK_DIR, { throwIfNoEntry: false });
        // A lock older than any build can take was left by a killed process.
        if (lock && Date.now() - lock.mtimeMs > 10 * 60_000) fs.rmSync(LOCK_DIR, { recursive: true, force: true });
        return false;
      }
    },
    { timeoutMs: 15 * 60_000, intervalMs: 500 },
  );
  try {
    await fn();
  } finally {
    fs.rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

async function run(label: string, command: string, args: string[], onLine?: (line: string) => void): Promise<void> {
  const output: string[] = [];
  const child = spawnChild(label, command, args, {
    cwd: CMS_DIR,
    env: { ...process.env, NODE_ENV: 'production' },
    onLine: (line) => {
      output.push(line);
      onLine?.(line);
    },
  });
  const code = await child.exited;
  if (code !== 0) {
    throw new Error(`${label} in cms/ failed (exit ${code}):\n${output.slice(-30).join('\n')}`);
  }
}

/** What the admin bundle depends on: Strapi's version and our admin customisations. */
function adminStamp(): string {
  const hash = crypto.createHash('sha256');
  hash.update(fs.readFileSync(path.join(CMS_DIR, 'package.json')));
  const lock = path.join(REPO_ROOT, 'package-lock.json');
  if (fs.existsSync(lock)) {
    const strapiVersion = JSON.parse(fs.readFileSync(lock, 'utf8')).packages?.['node_modules/@strapi/strapi']?.version;
    hash.update(String(strapiVersion));
  }
  for (const full of adminSources()) hash.update(path.relative(CMS_DIR, full)).update(fs.readFileSync(full));
  return hash.digest('hex');
}

/** Files the admin bundle is built from: src/admin, and each local plugin's admin, shared code and manifest. */
function adminSources(): string[] {
  const pluginsDir = path.join(CMS_DIR, 'src', 'plugins');
  const plugins = fs.existsSync(pluginsDir) ? fs.readdirSync(pluginsDir).sort() : [];
  const roots = [
    path.join(CMS_DIR, 'src', 'admin'),
    ...plugins.flatMap((p) => ['admin', 'shared', 'package.json'].map((part) => path.join(pluginsDir, p, part))),
  ];
  return roots.flatMap((root) => {
    const stat = fs.statSync(root, { throwIfNoEntry: false });
    if (!stat) return [];
    if (stat.isFile()) return [root];
    return fs
      .readdirSync(root, { recursive: true })
      .map((file) => path.join(root, String(file)))
      .filter((full) => fs.statSync(full).isFile())
      .sort();
  });
}

function readStamp(): string | null {
  if (!fs.existsSync(ADMIN_INDEX) || !fs.existsSync(ADMIN_STAMP)) return null;
  return fs.readFileSync(ADMIN_STAMP, 'utf8');
}
