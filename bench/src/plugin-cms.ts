import fs from 'node:fs';
import path from 'node:path';
import { SEARCH_SETTINGS } from '@stackguide/contracts/search-index';
import { ensureCmsBuild, startStrapi, type StrapiProcess } from '@stackguide/test-kit';
import { CMS_DIR, REPO_ROOT, WORK_DIR } from './paths.ts';

/** Index the plugin writes to, beside ours (`articles`) in the same Meilisearch. */
export const PLUGIN_INDEX = 'articles_plugin';
export const PLUGIN_APP_DIR = path.join(WORK_DIR, 'plugin-cms');
export const ARTICLE_UID = 'api::article.article';

/**
 * The plugin's config: same settings as our contract, and a transformEntry that builds exactly the
 * document ours indexes with search-sync's own toSearchDocument (TypeScript, loaded through the
 * `--import tsx` startPluginCms puts in NODE_OPTIONS), so both systems do the same work per document.
 */
function pluginsConfig(): string {
  const settings = { ...SEARCH_SETTINGS, displayedAttributes: ['*'] };
  return `'use strict';
const path = require('node:path');
const { toSearchDocument } = require('@stackguide/search-sync/document');
// The CMS's own plugins first (its bootstrap uses them). Its local plugins resolve from the CMS's
// directory, as they do for ours: their server entry points into cms/dist.
const cmsPlugins = require(${JSON.stringify(path.join(CMS_DIR, 'dist', 'config', 'plugins.js'))}).default;
const fromCms = (plugins) =>
  Object.fromEntries(Object.entries(plugins).map(([name, p]) => [name, p.resolve ? { ...p, resolve: path.resolve(${JSON.stringify(CMS_DIR)}, p.resolve) } : p]));
module.exports = ({ env }) => ({
  ...fromCms(cmsPlugins({ env })),
  meilisearch: {
    config: {
      host: env('MEILI_URL'),
      apiKey: env('MEILI_MASTER_KEY'),
      article: {
        indexName: ${JSON.stringify(PLUGIN_INDEX)},
        entriesQuery: { populate: ['roles', 'skills'], limit: 500 },
        settings: ${JSON.stringify(settings)},
        // The plugin keys its documents by documentId, which our document calls id.
        transformEntry: ({ entry }) => ({ ...toSearchDocument(entry), documentId: entry.documentId }),
      },
    },
  },
});
`;
}

/**
 * Lays out the bench-only Strapi app: the compiled cms (cms/dist) plus the plugin in its
 * package.json and config/plugins.js. It lives under bench/.work, so the product never ships it;
 * Node resolves @strapi/* and the plugin from the repository's node_modules (same versions).
 */
export async function preparePluginApp(): Promise<string> {
  await ensureCmsBuild({ admin: false });
  fs.rmSync(PLUGIN_APP_DIR, { recursive: true, force: true });
  fs.mkdirSync(PLUGIN_APP_DIR, { recursive: true });
  for (const dir of ['config', 'src']) fs.cpSync(path.join(CMS_DIR, 'dist', dir), path.join(PLUGIN_APP_DIR, dir), { recursive: true });
  fs.cpSync(path.join(CMS_DIR, 'public'), path.join(PLUGIN_APP_DIR, 'public'), { recursive: true });
  const pkg = JSON.parse(fs.readFileSync(path.join(CMS_DIR, 'package.json'), 'utf8')) as {
    name: string;
    dependencies: Record<string, string>;
    devDependencies?: unknown;
    scripts?: unknown;
  };
  const pluginVersion = (
    JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'node_modules', 'strapi-plugin-meilisearch', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  pkg.name = '@stackguide/bench-plugin-cms';
  pkg.dependencies['strapi-plugin-meilisearch'] = pluginVersion;
  delete pkg.devDependencies;
  delete pkg.scripts;
  fs.writeFileSync(path.join(PLUGIN_APP_DIR, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  fs.writeFileSync(path.join(PLUGIN_APP_DIR, 'config', 'plugins.js'), pluginsConfig());
  return PLUGIN_APP_DIR;
}

/**
 * Starts the plugin CMS (prepare it first) on `env` (secrets, DATABASE_FILENAME, MEILI_URL,
 * MEILI_MASTER_KEY) and waits for /_health; it never seeds and sends no webhook.
 * @throws Error with Strapi's last output lines when it exits or never gets healthy.
 */
export function startPluginCms(env: Record<string, string>): Promise<StrapiProcess> {
  return startStrapi({
    appDir: PLUGIN_APP_DIR,
    name: 'plugin-cms',
    // The plugin's transformEntry requires search-sync's TypeScript document module.
    env: {
      ...env,
      NODE_OPTIONS: [env.NODE_OPTIONS, '--import tsx'].filter(Boolean).join(' '),
      SEED_ON_START: 'false',
      SEARCH_SYNC_URL: '',
    },
  });
}
