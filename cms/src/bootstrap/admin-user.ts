import type { Core } from '@strapi/strapi';
import type { StackguideConfig } from '../../config/stackguide';

/** Creates the first super admin from ADMIN_EMAIL / ADMIN_PASSWORD when the CMS has no admin yet. */
export async function ensureFirstAdmin(strapi: Core.Strapi): Promise<void> {
  const users = strapi.service('admin::user');
  if (await users.exists()) return;
  const { adminEmail: email, adminPassword: password } = strapi.config.get<StackguideConfig>('stackguide');
  if (!password) {
    strapi.log.warn('No admin user yet and ADMIN_PASSWORD is not set: register the first admin at /admin.');
    return;
  }
  await users.createFirstAdmin({ email, password, firstname: 'Stackguide', lastname: 'Admin' });
  strapi.log.info(`Created the first admin user ${email} (password: ADMIN_PASSWORD in .env).`);
}
