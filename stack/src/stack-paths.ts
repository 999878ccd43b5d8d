import path from 'node:path';
import { REPO_ROOT, rootEnvFile } from '@stackguide/runtime';

export type StackPaths = {
  root: string;
  envFile: string;
  envExample: string;
  dataDir: string;
  logsDir: string;
};

/**
 * Where `npm start` keeps its files. STACKGUIDE_DATA_DIR moves the data directory and
 * STACKGUIDE_ENV_FILE the `.env` file elsewhere (the end-to-end test uses this to stay out of the
 * developer's `.data`); the parts it starts inherit STACKGUIDE_ENV_FILE and read the same file.
 */
export function stackPaths(env: NodeJS.ProcessEnv = process.env): StackPaths {
  const dataDir = path.resolve(REPO_ROOT, env.STACKGUIDE_DATA_DIR || '.data');
  return {
    root: REPO_ROOT,
    envFile: rootEnvFile(env),
    envExample: path.join(REPO_ROOT, '.env.example'),
    dataDir,
    logsDir: path.join(dataDir, 'logs'),
  };
}

/**
 * Resolves a configured path: `.data/…` lands in the data directory (so STACKGUIDE_DATA_DIR moves it too),
 * other relative paths are relative to the repo root.
 */
export function resolveDataPath(value: string, paths: StackPaths): string {
  const normalized = value.replace(/\\/g, '/');
  if (normalized === '.data' || normalized.startsWith('.data/')) {
    return path.join(paths.dataDir, normalized.slice('.data'.length));
  }
  return path.resolve(paths.root, value);
}
