import type { Core } from '@strapi/strapi';

/** Stackguide's own CMS settings, read with `strapi.config.get<StackguideConfig>('stackguide')`. */
export type StackguideConfig = {
  adminEmail: string;
  adminPassword: string | undefined;
  readToken: string | undefined;
  /** search-sync's webhook intake; undefined means no webhook. */
  searchSyncUrl: string | undefined;
  webhookSecret: string | undefined;
  /** search-sync's admin API: SEARCH_SYNC_ADMIN_URL, else SEARCH_SYNC_URL's origin; undefined when neither is set. */
  searchSyncAdminUrl: string | undefined;
  /** Used server-side only, like buildHookSecret: the admin's browser talks to the CMS's search-site plugin, never to these. */
  searchSyncAdminSecret: string | undefined;
  /** The site server, asked for its build status: SITE_STATUS_URL, else SITE_BUILD_HOOK_URL's origin. */
  siteStatusUrl: string | undefined;
  /** The site server's bearer secret (build hook and status). */
  buildHookSecret: string | undefined;
  /** HMAC key of preview links (PREVIEW_SECRET); undefined turns the admin's preview off. */
  previewSecret: string | undefined;
  /** Value of the "stackguide-preview" API token, the only credential that reads article drafts. */
  previewReadToken: string | undefined;
  /** Origin of the site server's /__preview/ as editors' browsers reach it: PREVIEW_URL, else SITE_URL. */
  previewUrl: string;
  seedOnStart: boolean;
  /** Set by `npm run seed`/`generate`, which load the app beside a running CMS. */
  oneOffJob: boolean;
};

/**
 * Same rules and defaults as runtime/src/variables.ts, which Strapi's compiled CommonJS cannot
 * import (cms/test/config-defaults.test.ts keeps them in step): empty counts as unset, flags are
 * true or false.
 */
export default ({ env }: Core.Config.Shared.ConfigParams): StackguideConfig => {
  const value = (name: string): string | undefined => env(name, '') || undefined;
  const flag = (name: string, fallback: 'true' | 'false'): boolean => {
    const given = value(name) ?? fallback;
    if (given !== 'true' && given !== 'false') throw new Error(`${name} must be true or false (got ${JSON.stringify(given)})`);
    return given === 'true';
  };
  const origin = (name: string): string | undefined => {
    const given = value(name);
    if (given === undefined) return undefined;
    try {
      return new URL(given).origin;
    } catch {
      throw new Error(`${name} must be an http(s) URL (got ${JSON.stringify(given)})`);
    }
  };
  return {
    adminEmail: value('ADMIN_EMAIL') ?? 'admin@stackguide.local',
    adminPassword: value('ADMIN_PASSWORD'),
    readToken: value('STRAPI_READ_TOKEN'),
    searchSyncUrl: value('SEARCH_SYNC_URL'),
    webhookSecret: value('WEBHOOK_SECRET'),
    searchSyncAdminUrl: value('SEARCH_SYNC_ADMIN_URL')?.replace(/\/+$/, '') ?? origin('SEARCH_SYNC_URL'),
    searchSyncAdminSecret: value('SEARCH_SYNC_ADMIN_SECRET'),
    siteStatusUrl: value('SITE_STATUS_URL')?.replace(/\/+$/, '') ?? origin('SITE_BUILD_HOOK_URL'),
    buildHookSecret: value('BUILD_HOOK_SECRET'),
    previewSecret: value('PREVIEW_SECRET'),
    previewReadToken: value('PREVIEW_READ_TOKEN'),
    previewUrl: (value('PREVIEW_URL') ?? value('SITE_URL') ?? 'http://127.0.0.1:4321').replace(/\/+$/, ''),
    seedOnStart: flag('SEED_ON_START', 'true'),
    oneOffJob: flag('STACKGUIDE_ONE_OFF_JOB', 'false'),
  };
};
