import { spawnBin } from '@stackguide/launch';

export type BinResult = { code: number | string; stdout: string; stderr: string };

/**
 * Runs a workspace's declared bin to completion (e.g. `search-sync reindex --json`) and returns its
 * exit code and output, one string per stream with the lines joined by newlines. A run still going
 * after `timeoutMs` is stopped (its exit code then is the signal's name).
 */
export async function runBin(pkg: string, args: string[], opts: { env: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<BinResult> {
  const out = { stdout: [] as string[], stderr: [] as string[] };
  const child = spawnBin(pkg, args, { env: opts.env, onLine: (line, stream) => out[stream].push(line) });
  const timer = setTimeout(() => void child.stop(), opts.timeoutMs ?? 120_000);
  const code = await child.exited;
  clearTimeout(timer);
  const text = (lines: string[]) => (lines.length > 0 ? `${lines.join('\n')}\n` : '');
  return { code, stdout: text(out.stdout), stderr: text(out.stderr) };
}
