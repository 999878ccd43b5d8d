import type { Core } from '@strapi/strapi';
import { ARTICLE } from './schedule-fields';

const FIELDS = ['publishAt', 'unpublishAt'];
const ACTION = (name: string) => `plugin::content-manager.explorer.${name}`;

/**
 * Setting a schedule is publishing later, so it follows the Publish permission of Strapi's default
 * roles: Editors may set both fields, Authors (who may not publish) may not write them. Strapi lists
 * the permitted fields in each role's permissions when it creates the roles, so a database created
 * before the fields existed lacks them for Editors, and a new one gives them to Authors too.
 */
const CHANGES: { role: string; actions: string[]; grant: boolean }[] = [
  { role: 'strapi-editor', actions: [ACTION('create'), ACTION('read'), ACTION('update')], grant: true },
  { role: 'strapi-author', actions: [ACTION('create'), ACTION('update')], grant: false },
];

type Permission = { id: number; properties?: { fields?: string[] } | null };

/** Applies CHANGES once per database, so a permission an admin later changes under Settings → Roles stays as they set it. */
export async function applySchedulePermissions(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'core', name: 'stackguide', key: 'schedule-field-permissions' });
  if (await store.get()) return;
  for (const change of CHANGES) {
    const role = (await strapi.db.query('admin::role').findOne({ where: { code: change.role } })) as { id: number } | null;
    if (!role) continue;
    const held = (await strapi.db.query('admin::permission').findMany({
      where: { role: { id: role.id }, subject: ARTICLE, action: { $in: change.actions } },
    })) as Permission[];
    for (const permission of held) {
      const fields = permission.properties?.fields;
      // No field list means every field.
      if (!fields) continue;
      const next = change.grant ? [...new Set([...fields, ...FIELDS])] : fields.filter((f) => !FIELDS.includes(f));
      if (next.length === fields.length && next.every((f) => fields.includes(f))) continue;
      await strapi.db
        .query('admin::permission')
        .update({ where: { id: permission.id }, data: { properties: { ...permission.properties, fields: next } } });
    }
  }
  await store.set({ value: true });
}
