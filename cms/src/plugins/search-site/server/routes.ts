import { ACTIONS } from '../shared/actions';

const can = (action: string) => ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }];

const route = (method: string, path: string, handler: string, action: string) => ({
  method,
  path,
  handler: `controller.${handler}`,
  config: { policies: can(action) },
});

/** Admin routes under /search-site, for logged-in admin users holding the plugin's permissions. */
export default {
  admin: {
    type: 'admin',
    routes: [
      route('GET', '/overview', 'overview', ACTIONS.read),
      route('GET', '/analytics', 'analytics', ACTIONS.read),
      route('GET', '/articles/:documentId', 'article', ACTIONS.read),
      route('GET', '/articles/:documentId/links', 'articleLinks', ACTIONS.read),
      route('GET', '/links/broken', 'brokenLinks', ACTIONS.read),
      route('GET', '/vocabulary/synonym-groups', 'synonymGroups', ACTIONS.gaps),
      route('POST', '/vocabulary/synonyms', 'addSynonym', ACTIONS.gaps),
      route('POST', '/reindex', 'reindex', ACTIONS.manage),
      route('POST', '/dead-letters/:id/retry', 'retry', ACTIONS.manage),
      route('DELETE', '/dead-letters/:id', 'discard', ACTIONS.manage),
      route('PUT', '/analytics/hidden/:query', 'hide', ACTIONS.manage),
      route('DELETE', '/analytics/hidden/:query', 'show', ACTIONS.manage),
    ],
  },
};
