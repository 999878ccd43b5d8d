import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnChild, type Child } from './child.ts';

/** Directory of an installed package, found as Node finds packages: in node_modules here or in an ancestor. */
function packageDir(name: string): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return fs.realpathSync(candidate);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package ${name} is not installed (run npm install)`);
    dir = parent;
  }
}

/**
 * The file a workspace package declares as its bin in package.json: `bin` when there is only one,
 * otherwise the one named `bin`.
 * @throws Error when the package is missing, declares no such bin, or its bin file is not there.
 */
export function resolveBin(pkg: string, bin?: string): { dir: string; file: string } {
  return binIn(packageDir(pkg), pkg, bin);
}

/** resolveBin for the package `pkg` installed in `dir`. */
export function binIn(dir: string, pkg: string, bin?: string): { dir: string; file: string } {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { bin?: string | Record<string, string> };
  const bins = typeof manifest.bin === 'string' ? { [pkg.replace(/^@[^/]+\//, '')]: manifest.bin } : (manifest.bin ?? {});
  const names = Object.keys(bins);
  const chosen = bin ?? (names.length === 1 ? names[0] : undefined);
  const file = chosen === undefined ? undefined : bins[chosen];
  if (!file) {
    const declared = names.length > 0 ? `declares the bins ${names.join(', ')}` : 'declares no bin';
    throw new Error(`${pkg} ${declared}${bin ? `, not "${bin}"` : '; say which one to run'}`);
  }
  const full = path.join(dir, file);
  // A renamed entry must fail here, naming the manifest to fix, not later as a process that never comes up.
  if (!fs.existsSync(full)) throw new Error(`${pkg} declares its bin ${chosen} as ${file}, which is not in ${dir}: fix its package.json`);
  return { dir, file: full };
}

/**
 * Runs a workspace's declared bin (a TypeScript entry) through tsx in one Node process, with no npx or
 * tsx wrapper process, in its own process group and with the workspace as working directory.
 * @throws Error when the bin cannot be resolved.
 */
export function spawnBin(
  pkg: string,
  args: string[],
  opts: {
    env: NodeJS.ProcessEnv;
    /** Which bin, when the package declares several. */
    bin?: string;
    /** Name of the child in messages (default: the bin's file name). */
    name?: string;
    onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  },
): Child {
  const { dir, file } = resolveBin(pkg, opts.bin);
  // `--import tsx` resolves from cwd, where the hoisted root node_modules is found.
  return spawnChild(opts.name ?? path.basename(file), process.execPath, ['--import', 'tsx', file, ...args], {
    cwd: dir,
    env: opts.env,
    onLine: (line, stream) => opts.onLine?.(line, stream),
  });
}
