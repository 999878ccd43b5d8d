import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { SiteError } from '../src/errors.ts';

/** `astro build` failed; the message is the build's own error. */
export class CompileError extends SiteError {
  override name = 'CompileError';
  constructor(
    message: string,
    readonly exitCode: number | null,
  ) {
    super(message);
  }
}

/** The site's pages compiled once for a version of its code (see render-adapter.ts). */
export type CompiledSite = {
  /** Hash of the code it was compiled from. */
  hash: string;
  /** Client assets (`_astro/…`) and public files, laid out as the site serves them. */
  clientDir: string;
  /** The server entry exporting `render` and `routes`. */
  serverEntry: string;
};

const require = createRequire(import.meta.url);
const astroPackage = require.resolve('astro/package.json');
const astroManifest = JSON.parse(fs.readFileSync(astroPackage, 'utf8')) as { version: string; bin: { astro: string } };
/** The `astro` command as the package declares it (its `bin`), run with this Node. */
const astroBin = path.join(path.dirname(astroPackage), astroManifest.bin.astro);

/** What the compiled output depends on, relative to the site root; a change to any of it compiles again. */
const CODE = [
  'src',
  'public',
  'astro.config.mjs',
  'package.json',
  'tsconfig.json',
  'server/render-adapter.ts',
  'server/render-entry.ts',
  'server/compiled-routes.ts',
];

function filesUnder(root: string, entry: string): string[] {
  const full = path.join(root, entry);
  const stat = fs.statSync(full, { throwIfNoEntry: false });
  if (!stat) return [];
  if (stat.isFile()) return [entry];
  return fs
    .readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.endsWith('.test.ts'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

/** Hash of the site's code and Astro's version: equal hashes compile to the same pages. */
export function codeHash(siteRoot: string): string {
  const hash = createHash('sha256');
  hash.update(`astro ${astroManifest.version}\n`);
  for (const file of CODE.flatMap((entry) => filesUnder(siteRoot, entry)).sort()) {
    hash.update(`${file}\n`);
    hash.update(fs.readFileSync(path.join(siteRoot, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Astro prints the error message first, then "Location:" and a stack; keep just the message. */
export function errorMessageFrom(stderr: string): string {
  const lines = stderr.split('\n');
  const start = lines.findIndex((l) => l.trim() !== '' && !/^\s*(npm warn|\(node:|\[vite\])/.test(l));
  if (start === -1) return '';
  const message: string[] = [];
  for (const line of lines.slice(start)) {
    if (/^\s+(Location:|Stack trace:|Hint:|at\s)/.test(line)) break;
    message.push(line);
  }
  return message.join('\n').trim();
}

function astroBuild(siteRoot: string, outDir: string, onLine: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astroBin, 'build', '--outDir', outDir], {
      cwd: siteRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let partial = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      lines.forEach(onLine);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', (err) => reject(new CompileError(`could not start astro build: ${err.message}`, null)));
    child.on('close', (code) => {
      if (partial) onLine(partial);
      if (code === 0) return resolve();
      reject(new CompileError(errorMessageFrom(stderr) || `astro build exited with code ${code}`, code));
    });
  });
}

const layout = (dir: string, hash: string): CompiledSite => ({
  hash,
  clientDir: path.join(dir, 'client'),
  serverEntry: path.join(dir, 'server', 'entry.mjs'),
});

/** Compiled versions kept besides the newest: a build still rendering with an older one must find its modules. */
const KEEP_COMPILED = 3;

/**
 * The site compiled for its current code: reused from `<cacheDir>/compiled/<hash>` when this code
 * was compiled before, else compiled there by `astro build` (in a child process, with a clean
 * environment: compiling reads no content and no configuration). The compiled server code
 * bundles every package it uses (see render-adapter.ts), so the cache may sit anywhere.
 * @throws CompileError with astro's message when compiling fails.
 */
export async function compileSite(
  siteRoot: string,
  cacheDir: string,
  onLine: (line: string) => void = () => undefined,
): Promise<CompiledSite> {
  const hash = codeHash(siteRoot);
  const root = path.join(cacheDir, 'compiled');
  const dir = path.join(root, hash);
  if (fs.existsSync(layout(dir, hash).serverEntry)) return layout(dir, hash);
  const tmp = `${dir}.${process.pid}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  try {
    await astroBuild(siteRoot, tmp, onLine);
    // Another process may have compiled the same code meanwhile; either copy will do.
    if (!fs.existsSync(dir)) fs.renameSync(tmp, dir);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  removeOldCompiled(root, hash);
  return layout(dir, hash);
}

function removeOldCompiled(root: string, keep: string): void {
  const dirs = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^[0-9a-f]{16}$/.test(e.name) && e.name !== keep)
    .map((e) => ({ name: e.name, mtime: fs.statSync(path.join(root, e.name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const old of dirs.slice(KEEP_COMPILED - 1)) fs.rmSync(path.join(root, old.name), { recursive: true, force: true });
}
