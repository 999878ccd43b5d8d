import type { Core } from '@strapi/strapi';
import type { StackguideConfig } from '../../config/stackguide';

export const READ_TOKEN_NAME = 'stackguide-read';
export const PREVIEW_TOKEN_NAME = 'stackguide-preview';

/**
 * The preview token's only rights: read articles, and the roles and skills an article page links.
 * Reading article drafts comes from the article routes' middleware (content-query.ts), which
 * honours `status` for this token alone.
 */
export const PREVIEW_TOKEN_PERMISSIONS = ['article', 'role', 'skill'].flatMap((type) => [
  `api::${type}.${type}.find`,
  `api::${type}.${type}.findOne`,
]);

type TokenSpec = {
  name: string;
  variable: string;
  value: string | undefined;
  description: string;
  type: 'read-only' | 'custom';
  permissions?: string[];
};

/**
 * Ensures an API token whose value is the one in .env. Strapi generates random token values, so we
 * create the token and then store the hash (and encrypted copy) of our own value: the site and
 * search-sync then read the same value from .env without anyone copying it by hand. A custom
 * token's permissions are set again on every start, undoing edits made in the admin.
 */
async function ensureToken(strapi: Core.Strapi, spec: TokenSpec): Promise<void> {
  if (!spec.value) {
    strapi.log.warn(`${spec.variable} is not set: the API token "${spec.name}" keeps whatever value it had.`);
    return;
  }
  const tokens = strapi.service('admin::api-token');
  const shape = { type: spec.type, ...(spec.permissions ? { permissions: spec.permissions } : {}) };
  let token = await tokens.getByName(spec.name);
  if (!token) token = await tokens.create({ name: spec.name, description: spec.description, lifespan: null, ...shape });
  else if (spec.permissions) await tokens.update(token.id, shape);
  const accessKey = tokens.hash(spec.value);
  const current = await strapi.db.query('admin::api-token').findOne({ where: { id: token.id }, select: ['accessKey', 'type'] });
  if (current?.accessKey === accessKey && current.type === spec.type) return;
  await strapi.db.query('admin::api-token').update({
    where: { id: token.id },
    data: { accessKey, encryptedKey: strapi.service('admin::encryption').encrypt(spec.value), type: spec.type },
  });
  strapi.log.info(`API token "${spec.name}" set to ${spec.variable}.`);
}

/** The read-only token of the site build and search-sync (STRAPI_READ_TOKEN) and the preview's draft reader (PREVIEW_READ_TOKEN). */
export async function ensureApiTokens(strapi: Core.Strapi): Promise<void> {
  const config = strapi.config.get<StackguideConfig>('stackguide');
  await ensureToken(strapi, {
    name: READ_TOKEN_NAME,
    variable: 'STRAPI_READ_TOKEN',
    value: config.readToken,
    description: 'Read-only token for the site build and search-sync (value: STRAPI_READ_TOKEN in .env).',
    type: 'read-only',
  });
  await ensureToken(strapi, {
    name: PREVIEW_TOKEN_NAME,
    variable: 'PREVIEW_READ_TOKEN',
    value: config.previewReadToken,
    description: "The site server's draft preview: reads articles (drafts too), roles and skills (value: PREVIEW_READ_TOKEN in .env).",
    type: 'custom',
    permissions: PREVIEW_TOKEN_PERMISSIONS,
  });
}
