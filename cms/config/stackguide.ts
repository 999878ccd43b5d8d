import { parseConfig } from '@stackguide/contracts/parse-config';

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
  /** The site's canonical origin (SITE_URL): links to it in article bodies are checked like relative ones. */
  siteUrl: string;
  /** How often due "Publish at" / "Unpublish at" run (SCHEDULE_INTERVAL). */
  scheduleIntervalMs: number;
  seedOnStart: boolean;
  /** Set by `npm run seed`/`generate`, which load the app beside a running CMS. */
  oneOffJob: boolean;
};

const origin = (url: string | undefined) => (url === undefined ? undefined : new URL(url).origin);

/**
 * Read when Strapi loads its configuration, by the same rules every other process uses: a missing
 * or malformed variable stops the CMS with one line naming it.
 */
export default (): StackguideConfig => {
  const c = parseConfig(
    {
      ADMIN_EMAIL: 'required',
      ADMIN_PASSWORD: 'optional',
      STRAPI_READ_TOKEN: 'optional',
      SEARCH_SYNC_URL: 'optional',
      WEBHOOK_SECRET: 'optional',
      SEARCH_SYNC_ADMIN_URL: 'optional',
      SEARCH_SYNC_ADMIN_SECRET: 'optional',
      SITE_STATUS_URL: 'optional',
      SITE_BUILD_HOOK_URL: 'optional',
      BUILD_HOOK_SECRET: 'optional',
      PREVIEW_SECRET: 'optional',
      PREVIEW_READ_TOKEN: 'optional',
      PREVIEW_URL: 'optional',
      SITE_URL: 'required',
      SEED_ON_START: 'required',
      SCHEDULE_INTERVAL: 'required',
    },
    process.env,
  );
  return {
    adminEmail: c.ADMIN_EMAIL,
    adminPassword: c.ADMIN_PASSWORD,
    readToken: c.STRAPI_READ_TOKEN,
    searchSyncUrl: c.SEARCH_SYNC_URL,
    webhookSecret: c.WEBHOOK_SECRET,
    searchSyncAdminUrl: c.SEARCH_SYNC_ADMIN_URL ?? origin(c.SEARCH_SYNC_URL),
    searchSyncAdminSecret: c.SEARCH_SYNC_ADMIN_SECRET,
    siteStatusUrl: c.SITE_STATUS_URL ?? origin(c.SITE_BUILD_HOOK_URL),
    buildHookSecret: c.BUILD_HOOK_SECRET,
    previewSecret: c.PREVIEW_SECRET,
    previewReadToken: c.PREVIEW_READ_TOKEN,
    previewUrl: c.PREVIEW_URL ?? c.SITE_URL,
    siteUrl: c.SITE_URL,
    scheduleIntervalMs: c.SCHEDULE_INTERVAL,
    seedOnStart: c.SEED_ON_START,
    // Not a user setting: the seed and generate scripts set it for the app they load.
    oneOffJob: process.env.STACKGUIDE_ONE_OFF_JOB === 'true',
  };
};
