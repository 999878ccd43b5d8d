// @ts-check
import { defineConfig, passthroughImageService } from 'astro/config';
import { renderAdapter } from './server/render-adapter.ts';

// Compiles the pages once per code change; site/server renders them from Strapi content into static
// builds (full or incremental). Nothing here reads the environment: content and config reach pages
// through Astro.locals at render time.
export default defineConfig({
  output: 'server',
  adapter: renderAdapter(),
  // Builds choose every URL themselves (pages end in /, files such as /sitemap-0.xml do not); 'ignore'
  // lets a route with a param match either form when the build renders it.
  trailingSlash: 'ignore',
  // Images are prepared by the build host (server/images.ts), never by an endpoint at request time.
  image: { service: passthroughImageService() },
  devToolbar: { enabled: false },
  // No inline script or style: the Content-Security-Policy (server/security-headers.ts) allows only
  // the site's own files, never 'unsafe-inline'. Astro would inline small stylesheets and scripts.
  build: { inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
});
