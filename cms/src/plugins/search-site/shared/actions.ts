/** The plugin's name in config/plugins.ts, its route prefix (/search-site) and its admin URL. */
export const PLUGIN_ID = 'search-site';

/**
 * Admin permissions: `read` to see the page and the status panel (links included), `manage` to
 * reindex, retry and discard and hide search queries, `gaps` to turn searches without results into
 * drafts and synonyms.
 */
export const ACTIONS = {
  read: `plugin::${PLUGIN_ID}.read`,
  manage: `plugin::${PLUGIN_ID}.manage`,
  gaps: `plugin::${PLUGIN_ID}.gaps`,
} as const;
