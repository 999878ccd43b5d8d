import { z } from 'astro/zod';
import { SiteConfigError } from '../errors.ts';

const httpUrl = (example: string) =>
  z
    .string()
    .url(`must be an http(s) URL like ${example}`)
    .refine((v) => /^https?:\/\//.test(v), `must start with http:// or https://, like ${example}`)
    .transform((v) => v.replace(/\/+$/, ''));

const emptyAsUndefined = (v: unknown) => (v === '' ? undefined : v);

const buildEnvSchema = z.object({
  STRAPI_URL: z.preprocess(emptyAsUndefined, httpUrl('http://127.0.0.1:1337').default('http://127.0.0.1:1337')),
  STRAPI_READ_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  SITE_URL: z.preprocess(emptyAsUndefined, httpUrl('https://stackguide.example').default('http://127.0.0.1:4321')),
  MEILI_PUBLIC_URL: z.preprocess(emptyAsUndefined, httpUrl('http://127.0.0.1:7700').optional()),
  MEILI_SEARCH_KEY: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  SITE_CACHE_DIR: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  ALLOW_EMPTY_SITE: z.preprocess(
    emptyAsUndefined,
    z.enum(['true', 'false'], { message: 'must be true or false' }).default('false').transform((v) => v === 'true'),
  ),
});

export type BuildEnv = z.infer<typeof buildEnvSchema>;

/**
 * Validates the variables the build reads. The Meilisearch master key is deliberately not one of
 * them: only the search-only key may reach the browser.
 * @throws SiteConfigError naming the variable and the expected form.
 */
export function parseBuildEnv(env: Record<string, string | undefined>): BuildEnv {
  const result = buildEnvSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ');
  throw new SiteConfigError(`Invalid site configuration: ${problems}`);
}

let cached: BuildEnv | undefined;

/** The build environment, read and validated once per process. @throws SiteConfigError */
export function buildEnv(): BuildEnv {
  cached ??= parseBuildEnv(process.env);
  return cached;
}
