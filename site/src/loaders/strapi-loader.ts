import type { Loader, LoaderContext } from 'astro/loaders';
import { buildEnv } from '../config/build-env.ts';
import { EmptySiteError, StrapiContentError } from '../errors.ts';
import { isTypesOnlyRun } from './astro-command.ts';
import { DEFAULT_RETRY, fetchStrapiJson, type RetryPolicy } from './strapi-fetch.ts';
import { listAll } from './strapi-pages.ts';
import { collectionSchemas, type CollectionName } from './schemas.ts';
import { absolutizeMedia } from './media-urls.ts';

export type StrapiConnection = {
  strapiUrl: string;
  token: string | undefined;
  allowEmpty: boolean;
  retry: RetryPolicy;
};

function connectionFromEnv(): StrapiConnection {
  const env = buildEnv();
  return { strapiUrl: env.STRAPI_URL, token: env.STRAPI_READ_TOKEN, allowEmpty: env.ALLOW_EMPTY_SITE, retry: DEFAULT_RETRY };
}

/**
 * Content-layer loader for one Strapi collection (articles, roles or skills). Reads every page,
 * stores each entry under its documentId with a digest so unchanged entries are skipped, and
 * removes entries Strapi no longer returns.
 * @throws StrapiRequestError when Strapi stays unreachable, StrapiContentError on an unexpected
 * shape, EmptySiteError when there are no articles and ALLOW_EMPTY_SITE is not true.
 */
export function strapiLoader(collection: CollectionName, connection?: StrapiConnection): Loader {
  return {
    name: `strapi-${collection}`,
    load: async (context) => {
      if (isTypesOnlyRun()) {
        context.logger.info(`types-only run: not fetching ${collection} from Strapi`);
        return;
      }
      await loadCollection(collection, connection ?? connectionFromEnv(), context);
    },
  };
}

async function loadCollection(collection: CollectionName, conn: StrapiConnection, ctx: LoaderContext): Promise<void> {
  const listUrl = `${conn.strapiUrl}/api/${collection}`;
  const items = await listAll(listUrl, (url) => fetchStrapiJson(url, conn.token, conn.retry));
  if (collection === 'articles' && items.length === 0 && !conn.allowEmpty) throw new EmptySiteError(listUrl);

  const schema = collectionSchemas[collection];
  const seen = new Set<string>();
  let changed = 0;
  for (const item of items) {
    const parsed = schema.safeParse(item);
    if (!parsed.success) {
      const id = item && typeof item === 'object' && 'documentId' in item ? String(item.documentId) : '(no documentId)';
      const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new StrapiContentError(listUrl, `${collection} entry ${id}: ${issues}`);
    }
    const id = parsed.data.documentId;
    if (seen.has(id)) throw new StrapiContentError(listUrl, `documentId ${id} appears twice`);
    seen.add(id);
    const digest = ctx.generateDigest(JSON.stringify([conn.strapiUrl, item]));
    if (ctx.store.get(id)?.digest === digest) continue;
    const data = absolutizeMedia(parsed.data, conn.strapiUrl) as Record<string, unknown>;
    ctx.store.set({ id, data, digest });
    changed++;
  }
  let removed = 0;
  for (const id of ctx.store.keys()) {
    if (!seen.has(id)) {
      ctx.store.delete(id);
      removed++;
    }
  }
  ctx.logger.info(`${collection}: ${seen.size} entries (${changed} new or changed, ${removed} removed)`);
}
