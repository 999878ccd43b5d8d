import { z } from 'zod';
import { SECRET_GENERATORS } from './secrets.ts';

const SECRET_NAMES = new Set(Object.keys(SECRET_GENERATORS));

const port = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a port number (1-65535)` })
    .int(`${name} must be a whole port number (1-65535)`)
    .min(1, `${name} must be a port number (1-65535)`)
    .max(65535, `${name} must be a port number (1-65535)`);

const httpUrl = (name: string) =>
  z.url({ protocol: /^https?$/, error: `${name} must be an http(s) URL such as http://127.0.0.1:1337` });

/** Empty means "not set" for optional URLs in `.env`. */
const optionalUrl = (name: string) =>
  z.preprocess((value) => (value === '' ? undefined : value), httpUrl(name).optional());

const host = (name: string) => z.string({ error: `${name} must be a host name such as 127.0.0.1` }).min(1, `${name} must not be empty`);

const required = (name: string, shape: string) => z.string({ error: `${name} must be set (${shape})` }).min(1, `${name} must be set (${shape})`);

const schema = z.object({
  STRAPI_HOST: host('STRAPI_HOST'),
  STRAPI_PORT: port('STRAPI_PORT'),
  STRAPI_URL: httpUrl('STRAPI_URL'),
  ADMIN_EMAIL: z.email({ error: 'ADMIN_EMAIL must be an e-mail address such as admin@stackguide.local' }),
  ADMIN_PASSWORD: required('ADMIN_PASSWORD', 'the first admin user\'s password'),
  DATABASE_FILENAME: required('DATABASE_FILENAME', 'a path such as .data/cms.db'),
  MEILI_URL: optionalUrl('MEILI_URL'),
  MEILI_PORT: port('MEILI_PORT'),
  MEILI_MASTER_KEY: z
    .string({ error: 'MEILI_MASTER_KEY must be set' })
    .min(16, 'MEILI_MASTER_KEY must be at least 16 characters (Meilisearch refuses shorter keys)'),
  MEILI_PUBLIC_URL: optionalUrl('MEILI_PUBLIC_URL'),
  SEARCH_SYNC_HOST: host('SEARCH_SYNC_HOST'),
  SEARCH_SYNC_PORT: port('SEARCH_SYNC_PORT'),
  SEARCH_SYNC_DATA_DIR: required('SEARCH_SYNC_DATA_DIR', 'a path such as .data/search-sync'),
  SITE_HOST: host('SITE_HOST'),
  SITE_PORT: port('SITE_PORT'),
});

export type StackConfig = z.infer<typeof schema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Validates the variables the orchestrator itself needs (the parts validate their own).
 * @throws ConfigError listing every invalid variable by name and what it should look like.
 */
export function parseConfig(env: NodeJS.ProcessEnv): StackConfig {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? '');
    const got = env[name];
    const shown = got === undefined || SECRET_NAMES.has(name) ? '' : ` (got ${JSON.stringify(got)})`;
    return `  ${issue.message}${shown}`;
  });
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}
