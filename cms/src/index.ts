import type { Core } from '@strapi/strapi';
import type { StackguideConfig } from '../config/stackguide';
import { registerArticleValidation } from './article-validation';
import { applyAdminLayouts } from './bootstrap/admin-layouts';
import { ensureFirstAdmin } from './bootstrap/admin-user';
import { lockDownPublicRole } from './bootstrap/public-permissions';
import { ensureApiTokens } from './bootstrap/api-tokens';
import { ensureSearchSettings } from './bootstrap/search-settings';
import { ensureSearchSyncWebhook } from './bootstrap/webhook';
import { registerFirstPublished, stampFirstPublished } from './first-published';
import { registerPreviousSlugs } from './previous-slugs';
import { registerSearchSettingsValidation } from './search-settings-validation';
import { registerScheduleFields } from './schedule/schedule-fields';
import { applySchedulePermissions } from './schedule/schedule-permissions';
import { startScheduler } from './schedule/scheduler';
import { seedOnFirstStart } from './seed/seed';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerArticleValidation(strapi);
    registerFirstPublished(strapi);
    registerPreviousSlugs(strapi);
    registerSearchSettingsValidation(strapi);
    registerScheduleFields(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await lockDownPublicRole(strapi);
    await ensureFirstAdmin(strapi);
    await ensureApiTokens(strapi);
    await applyAdminLayouts(strapi);
    // Articles published before firstPublishedAt existed.
    await stampFirstPublished(strapi);
    // One-off jobs (npm run seed/generate) load the app beside a running CMS: they must neither
    // seed on their own nor rewrite the webhook from whatever environment they were started with.
    const { oneOffJob, seedOnStart, scheduleIntervalMs } = strapi.config.get<StackguideConfig>('stackguide');
    if (oneOffJob) return;
    await strapi.plugin('search-site').service('roles').grantDefaults();
    await applySchedulePermissions(strapi);
    if (seedOnStart) await seedOnFirstStart(strapi);
    await ensureSearchSettings(strapi);
    await ensureSearchSyncWebhook(strapi);
    // After the webhook, so what fell due while the CMS was down reaches search-sync like any publish.
    await startScheduler(strapi, scheduleIntervalMs);
  },
};
