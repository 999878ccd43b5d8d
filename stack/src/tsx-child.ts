import path from 'node:path';
import { spawnChild, type Child } from './child.ts';
import { REPO_ROOT } from './paths.ts';
import type { PartOutput } from './prefix.ts';

/**
 * Runs a TypeScript entry point of a workspace through tsx in one Node process (no tsx wrapper process),
 * with its output going to the part's prefixed output and log.
 */
export function spawnTsx(
  output: PartOutput,
  workspace: string,
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  onLine?: (line: string) => void,
): Child {
  const cwd = path.join(REPO_ROOT, workspace);
  // `--import tsx` resolves from cwd, where the hoisted root node_modules is found.
  return spawnChild(output.name, process.execPath, ['--import', 'tsx', path.join(cwd, script), ...args], {
    cwd,
    env,
    onLine: (line) => {
      output.line(line);
      onLine?.(line);
    },
  });
}
