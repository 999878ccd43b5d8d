import type { Core } from '@strapi/strapi';
import type { StackguideConfig } from '../../config/stackguide';

export const WEBHOOK_NAME = 'search-sync';
export const WEBHOOK_EVENTS = ['entry.create', 'entry.update', 'entry.delete', 'entry.publish', 'entry.unpublish'];

type Webhook = { id: string | number; name: string; url: string; headers: Record<string, string>; events: string[]; isEnabled: boolean };

/**
 * Registers the webhook to search-sync, or updates it in place when SEARCH_SYNC_URL or
 * WEBHOOK_SECRET changed, so restarts never add duplicates. With no SEARCH_SYNC_URL it is removed.
 */
export async function ensureSearchSyncWebhook(strapi: Core.Strapi): Promise<void> {
  const { searchSyncUrl: url, webhookSecret: secret } = strapi.config.get<StackguideConfig>('stackguide');
  const store = strapi.get('webhookStore');
  const runner = strapi.get('webhookRunner');
  const existing = ((await store.findWebhooks()) as Webhook[]).filter((w) => w.name === WEBHOOK_NAME);
  const [current, ...duplicates] = existing;
  for (const duplicate of duplicates) {
    await store.deleteWebhook(duplicate.id);
    runner.remove(duplicate);
  }
  if (!url) {
    if (current) {
      await store.deleteWebhook(current.id);
      runner.remove(current);
    }
    strapi.log.warn('SEARCH_SYNC_URL is not set: no webhook to search-sync (the index will lag until it reconciles).');
    return;
  }
  if (!secret) throw new Error('WEBHOOK_SECRET must be set when SEARCH_SYNC_URL is set');
  const wanted = {
    name: WEBHOOK_NAME,
    url,
    headers: { Authorization: `Bearer ${secret}` },
    events: WEBHOOK_EVENTS,
    isEnabled: true,
  };
  if (!current) {
    runner.add(await store.createWebhook(wanted));
    strapi.log.info(`Registered the search-sync webhook to ${url}.`);
    return;
  }
  const same =
    current.url === url &&
    current.headers?.Authorization === wanted.headers.Authorization &&
    current.isEnabled &&
    WEBHOOK_EVENTS.every((e) => current.events.includes(e)) &&
    current.events.length === WEBHOOK_EVENTS.length;
  if (same) return;
  const updated = await store.updateWebhook(current.id, wanted);
  if (updated) runner.update(updated);
  strapi.log.info(`Updated the search-sync webhook to ${url}.`);
}
