/** The plugin's name in config/plugins.ts, its route prefix (/search-site) and its admin URL. */
export const PLUGIN_ID = 'search-site';

/** Admin permissions: `read` to see the page and the status panel, `manage` to reindex, retry and discard, and hide search queries. */
export const ACTIONS = {
  read: `plugin::${PLUGIN_ID}.read`,
  manage: `plugin::${PLUGIN_ID}.manage`,
} as const;
