import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { ConfigError } from './errors.ts';

/** Repository root: relative paths in the configuration are resolved against it. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/**
 * Parses a duration like `30s`, `10m`, `1h` or `500ms` into milliseconds.
 * @throws ConfigError when the text is not a positive number followed by ms, s, m or h.
 */
export function parseInterval(text: string, name = 'RECONCILE_INTERVAL'): number {
  const match = /^\s*(\d+)\s*(ms|s|m|h)\s*$/.exec(text);
  const amount = match ? Number(match[1]) : NaN;
  const unit = match?.[2];
  if (!unit || !(amount > 0)) {
    throw new ConfigError(`${name} must be a positive duration like 30s, 10m or 1h (got "${text}")`);
  }
  return amount * (UNITS[unit] ?? 1);
}

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);
const url = (example: string) =>
  z.url({ protocol: /^https?$/, error: `must be an http(s) URL like ${example}` });
const secret = z.string({ error: 'is required' }).min(8, 'must be at least 8 characters');

const schema = z.object({
  STRAPI_URL: url('http://127.0.0.1:1337'),
  STRAPI_READ_TOKEN: z.string({ error: 'is required (the read-only Strapi API token)' }).min(1, 'is required'),
  WEBHOOK_SECRET: secret,
  MEILI_URL: z.preprocess(emptyAsUndefined, url('http://127.0.0.1:7700').optional()),
  MEILI_PORT: z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ error: 'must be a port number like 7700' }).int().min(1).max(65535).default(7700),
  ),
  MEILI_MASTER_KEY: z.string({ error: 'is required' }).min(16, 'must be at least 16 bytes (Meilisearch rule)'),
  MEILI_PUBLIC_URL: z.preprocess(emptyAsUndefined, url('https://search.example.com').optional()),
  SEARCH_SYNC_HOST: z.preprocess(emptyAsUndefined, z.string().default('127.0.0.1')),
  SEARCH_SYNC_PORT: z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ error: 'must be a port number like 7710' }).int().min(0).max(65535).default(7710),
  ),
  SEARCH_SYNC_DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('.data/search-sync')),
  RECONCILE_INTERVAL: z.preprocess(emptyAsUndefined, z.string().default('10m')),
  SITE_BUILD_HOOK_URL: z.preprocess(emptyAsUndefined, url('http://127.0.0.1:4321/__hooks/build').optional()),
  BUILD_HOOK_SECRET: z.preprocess(emptyAsUndefined, z.string().optional()),
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
});

export type Config = {
  strapiUrl: string;
  strapiToken: string;
  webhookSecret: string;
  meiliUrl: string;
  meiliMasterKey: string;
  /** URL browsers use for search: MEILI_PUBLIC_URL, else MEILI_URL. */
  meiliPublicUrl: string;
  host: string;
  port: number;
  /** Absolute directory holding the queue database. */
  dataDir: string;
  reconcileIntervalMs: number;
  buildHookUrl: string | undefined;
  buildHookSecret: string | undefined;
  logLevel: string;
};

/**
 * Reads and validates the configuration from `env` (read once at start-up).
 * @throws ConfigError naming every variable that is missing or malformed and what it should look like.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')} ${issue.message}`);
    throw new ConfigError(`Invalid configuration (set these in .env or the environment):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const trim = (u: string) => u.replace(/\/+$/, '');
  // An empty MEILI_URL means `npm start` runs the bundled binary on MEILI_PORT; CLI commands
  // started by hand next to it should find it there too.
  const meiliUrl = e.MEILI_URL ?? `http://127.0.0.1:${e.MEILI_PORT}`;
  return {
    strapiUrl: trim(e.STRAPI_URL),
    strapiToken: e.STRAPI_READ_TOKEN,
    webhookSecret: e.WEBHOOK_SECRET,
    meiliUrl: trim(meiliUrl),
    meiliMasterKey: e.MEILI_MASTER_KEY,
    meiliPublicUrl: trim(e.MEILI_PUBLIC_URL ?? meiliUrl),
    host: e.SEARCH_SYNC_HOST,
    port: e.SEARCH_SYNC_PORT,
    dataDir: path.resolve(REPO_ROOT, e.SEARCH_SYNC_DATA_DIR),
    reconcileIntervalMs: parseInterval(e.RECONCILE_INTERVAL),
    buildHookUrl: e.SITE_BUILD_HOOK_URL,
    buildHookSecret: e.BUILD_HOOK_SECRET,
    logLevel: e.LOG_LEVEL,
  };
}

/** Loads the root `.env` into `process.env` for variables not already set (standalone CLI runs). */
export function loadRootEnv(file = path.join(REPO_ROOT, '.env')): void {
  if (!fs.existsSync(file)) return;
  for (const [key, value] of Object.entries(parseEnv(fs.readFileSync(file, 'utf8')))) {
    if (!(key in process.env)) process.env[key] = value;
  }
}
