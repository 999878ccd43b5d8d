import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Standalone runs (`npm run build -w site`) read the repo's root .env; variables already set
 * (e.g. by the orchestrator) win, because process.loadEnvFile never overrides them.
 */
export function loadRootEnv(): void {
  const file = fileURLToPath(new URL('../../../.env', import.meta.url));
  if (existsSync(file)) process.loadEnvFile(file);
}
