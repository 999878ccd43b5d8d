import type { Core } from '@strapi/strapi';

/** The only content-API actions anonymous visitors may call. */
export const PUBLIC_ACTIONS = [
  'api::article.article.find',
  'api::article.article.findOne',
  'api::role.role.find',
  'api::role.role.findOne',
  'api::skill.skill.find',
  'api::skill.skill.findOne',
];

/**
 * Makes the Public role allow exactly PUBLIC_ACTIONS, removing anything else (users-permissions
 * enables sign-up and login routes by default; this site has no reader accounts), and turns off
 * self-registration.
 */
export async function lockDownPublicRole(strapi: Core.Strapi): Promise<void> {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!role) throw new Error('users-permissions has no Public role; cannot set public permissions');
  const permissionQuery = strapi.db.query('plugin::users-permissions.permission');
  const existing: { id: number; action: string }[] = await permissionQuery.findMany({ where: { role: role.id } });
  const unwanted = existing.filter((p) => !PUBLIC_ACTIONS.includes(p.action));
  if (unwanted.length > 0) await permissionQuery.deleteMany({ where: { id: { $in: unwanted.map((p) => p.id) } } });
  const have = new Set(existing.map((p) => p.action));
  for (const action of PUBLIC_ACTIONS) {
    if (!have.has(action)) await permissionQuery.create({ data: { action, role: role.id } });
  }

  const store = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
  const advanced = ((await store.get()) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register !== false) await store.set({ value: { ...advanced, allow_register: false } });
}
