import type { Core } from '@strapi/strapi';
import type { StackguideConfig } from '../../config/stackguide';

export const READ_TOKEN_NAME = 'stackguide-read';

/**
 * Ensures a read-only API token whose value is STRAPI_READ_TOKEN. Strapi generates random token
 * values, so we create the token and then store the hash (and encrypted copy) of our own value:
 * the site and search-sync then read the same value from .env without anyone copying it by hand.
 */
export async function ensureReadToken(strapi: Core.Strapi): Promise<void> {
  const value = strapi.config.get<StackguideConfig>('stackguide').readToken;
  if (!value) {
    strapi.log.warn('STRAPI_READ_TOKEN is not set: the site and search-sync will have no API token.');
    return;
  }
  const tokens = strapi.service('admin::api-token');
  let token = await tokens.getByName(READ_TOKEN_NAME);
  if (!token) {
    token = await tokens.create({
      name: READ_TOKEN_NAME,
      description: 'Read-only token for the site build and search-sync (value: STRAPI_READ_TOKEN in .env).',
      type: 'read-only',
      lifespan: null,
    });
  }
  const accessKey = tokens.hash(value);
  const current = await strapi.db.query('admin::api-token').findOne({ where: { id: token.id }, select: ['accessKey'] });
  if (current?.accessKey === accessKey && token.type === 'read-only') return;
  await strapi.db.query('admin::api-token').update({
    where: { id: token.id },
    data: { accessKey, encryptedKey: strapi.service('admin::encryption').encrypt(value), type: 'read-only' },
  });
  strapi.log.info(`API token "${READ_TOKEN_NAME}" set to STRAPI_READ_TOKEN.`);
}
