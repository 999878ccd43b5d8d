import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { SiteError } from '../src/errors.ts';

/** An `astro build` run failed; the message is the build's own error (e.g. the Strapi loader's). */
export class BuildFailedError extends SiteError {
  override name = 'BuildFailedError';
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly outDir: string,
  ) {
    super(message);
  }
}

const astroBin = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'astro.js');

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

/**
 * Runs `astro build --outDir <outDir>` for the site in a child process, so each build gets a
 * clean module graph and memory, with `env` (the process's own by default).
 * @throws BuildFailedError carrying the build's error message.
 */
export function astroBuild(siteRoot: string, outDir: string, onLine: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astroBin, 'build', '--outDir', outDir], {
      cwd: siteRoot,
      env: { ...env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
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
    child.on('error', (err) => reject(new BuildFailedError(`could not start astro build: ${err.message}`, null, outDir)));
    child.on('close', (code) => {
      if (partial) onLine(partial);
      if (code === 0) return resolve();
      const message = errorMessageFrom(stderr) || `astro build exited with code ${code}`;
      reject(new BuildFailedError(message, code, outDir));
    });
  });
}
