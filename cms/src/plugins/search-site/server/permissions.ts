import type { Core } from '@strapi/strapi';
import { ACTIONS, PLUGIN_ID } from '../shared/actions';

type AdminRole = { id: number; code: string };

/** Which of Strapi's default roles get which action, once (see grantDefaultRoles). Super Admins have every action. */
const DEFAULT_GRANTS: { role: string; action: string }[] = [
  { role: 'strapi-editor', action: ACTIONS.read },
  { role: 'strapi-editor', action: ACTIONS.manage },
  { role: 'strapi-editor', action: ACTIONS.gaps },
  { role: 'strapi-author', action: ACTIONS.read },
];

const GRANTED_KEY = 'default-grants';

/**
 * Registers the plugin's admin actions. Runs in `register`, before the admin's bootstrap gives the
 * Super Admin role every registered action and deletes permissions whose action is unknown.
 */
export async function registerActions(strapi: Core.Strapi): Promise<void> {
  await strapi.service('admin::permission').actionProvider.registerMany([
    { section: 'plugins', pluginName: PLUGIN_ID, uid: 'read', displayName: 'See the search and site status' },
    {
      section: 'plugins',
      pluginName: PLUGIN_ID,
      uid: 'manage',
      displayName: 'Reindex, retry and discard dead letters, hide search queries',
    },
    { section: 'plugins', pluginName: PLUGIN_ID, uid: 'gaps', displayName: 'Turn searches without results into drafts and synonyms' },
  ]);
}

/**
 * Gives Editors every action and Authors the read-only one. Each grant is made once and remembered
 * in the plugin's store, so restarts never duplicate it and a permission an admin later removes
 * under Settings → Roles stays removed.
 */
export async function grantDefaultRoles(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: PLUGIN_ID });
  const done = new Set(((await store.get({ key: GRANTED_KEY })) as string[] | null) ?? []);
  const roles = strapi.service('admin::role');
  const permissions = strapi.service('admin::permission');
  for (const grant of DEFAULT_GRANTS) {
    const key = `${grant.role}:${grant.action}`;
    if (done.has(key)) continue;
    const role = (await roles.findOne({ code: grant.role })) as AdminRole | null;
    // Someone deleted the role: nothing to grant, and nothing to remember.
    if (!role) continue;
    const held = await permissions.findMany({ where: { role: { id: role.id }, action: grant.action } });
    if (held.length === 0) await roles.addPermissions(role.id, [{ action: grant.action, subject: null, properties: {}, conditions: [] }]);
    done.add(key);
  }
  await store.set({ key: GRANTED_KEY, value: [...done] });
}
