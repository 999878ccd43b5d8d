// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { loadRootEnv } from '@stackguide/runtime';
import { buildEnv } from './src/config/build-env.ts';
import { astroCommandIntegration } from './src/loaders/astro-command.ts';

loadRootEnv();
const env = buildEnv();
const strapi = new URL(env.STRAPI_URL);

export default defineConfig({
  site: env.SITE_URL,
  output: 'static',
  trailingSlash: 'always',
  // Outside node_modules so the content-layer store and image cache survive between hook builds;
  // SITE_CACHE_DIR gives another builder (the bench) its own.
  cacheDir: env.SITE_CACHE_DIR ?? './.builds/cache',
  integrations: [astroCommandIntegration(), sitemap({ filter: (page) => !page.includes('/404') })],
  image: {
    remotePatterns: [
      {
        protocol: strapi.protocol.replace(':', ''),
        hostname: strapi.hostname,
        ...(strapi.port ? { port: strapi.port } : {}),
      },
    ],
  },
  devToolbar: { enabled: false },
});
