import type { StackConfig } from './config.ts';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Warnings for local URLs that point at a different port than the part listens on (typically after changing
 * only STRAPI_PORT): the part would start, but the webhook, build hook or links would go nowhere.
 */
export function urlPortWarnings(env: NodeJS.ProcessEnv, config: StackConfig): string[] {
  const pairs: [string, string, number][] = [
    ['STRAPI_URL', 'STRAPI_PORT', config.STRAPI_PORT],
    ['SEARCH_SYNC_URL', 'SEARCH_SYNC_PORT', config.SEARCH_SYNC_PORT],
    ['SITE_BUILD_HOOK_URL', 'SITE_PORT', config.SITE_PORT],
    ['EMBEDDER_URL', 'EMBEDDER_PORT', config.EMBEDDER_PORT],
  ];
  const warnings: string[] = [];
  for (const [urlName, portName, port] of pairs) {
    const value = env[urlName];
    if (!value || !URL.canParse(value)) continue;
    const url = new URL(value);
    const urlPort = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
    if (LOOPBACK.has(url.hostname) && urlPort !== port) {
      warnings.push(`${urlName} (${value}) does not use ${portName} (${port}); update one of them so they match`);
    }
  }
  return warnings;
}
