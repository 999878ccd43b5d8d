import { z } from 'astro/zod';
import { SiteConfigError } from '../src/errors.ts';

const serveEnvSchema = z.object({
  SITE_HOST: z.string().min(1, 'must be a host name or IP, like 127.0.0.1').default('127.0.0.1'),
  SITE_PORT: z.coerce.number().int('must be a port number like 4321').min(1).max(65_535).default(4321),
  BUILD_HOOK_SECRET: z.string().min(16, 'must be a random secret of at least 16 characters (npm start generates one)'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where build directories go; tests point it at a temp dir so they never touch a running site's builds. */
  SITE_BUILDS_DIR: z.string().min(1).optional(),
  SITE_BUILD_DEBOUNCE_MS: z.coerce.number().int().min(0, 'must be milliseconds, like 1500').default(1500),
});

export type ServeEnv = z.infer<typeof serveEnvSchema>;

/**
 * Validates the serve process's own variables (the build reads its own in astro.config).
 * @throws SiteConfigError naming each bad variable and what it should look like.
 */
export function parseServeEnv(env: Record<string, string | undefined>): ServeEnv {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const result = serveEnvSchema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new SiteConfigError(`Invalid site server configuration: ${result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
}
