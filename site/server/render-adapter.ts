import type { AstroIntegration } from 'astro';
import { type CompiledRoute, compiledRoute } from './compiled-routes.ts';

/** The module the server entry imports the site's routes from (see render-entry.ts). */
export const ROUTES_MODULE = 'virtual:stackguide/routes';
const RESOLVED_ROUTES_MODULE = `\0${ROUTES_MODULE}`;

/**
 * The site's own Astro adapter: `astro build` compiles the pages once into a server bundle whose
 * entry (render-entry.ts) exports a render function; the build host, not a web server, calls it
 * for every page it writes. No `/_image` endpoint: the host prepares images itself. Only Astro's
 * public APIs: the adapter API with an entrypoint Astro resolves itself, `astro:routes:resolved`
 * for the route list, and a Vite plugin that hands that list to the entry.
 */
export function renderAdapter(): AstroIntegration {
  let routes: CompiledRoute[] = [];
  return {
    name: 'stackguide-render',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            // Everything the pages import is bundled into the compiled output, which then loads from
            // any SITE_CACHE_DIR: with packages left external it resolves them from where it lies, and
            // npm may keep Astro's own dependencies in site/node_modules, out of reach of a cache
            // elsewhere (the bench keeps its cache in its run directory).
            ssr: { noExternal: true },
            plugins: [
              {
                name: 'stackguide-routes',
                resolveId: (id: string) => (id === ROUTES_MODULE ? RESOLVED_ROUTES_MODULE : undefined),
                load: (id: string) => (id === RESOLVED_ROUTES_MODULE ? `export default ${JSON.stringify(routes)};` : undefined),
              },
            ],
          },
        });
      },
      'astro:routes:resolved': ({ routes: resolved }) => {
        routes = resolved.map(compiledRoute);
      },
      'astro:config:done': ({ setAdapter }) => {
        setAdapter({
          name: 'stackguide-render',
          entrypointResolution: 'auto',
          serverEntrypoint: new URL('./render-entry.ts', import.meta.url),
          supportedAstroFeatures: {
            serverOutput: 'stable',
            staticOutput: 'unsupported',
            hybridOutput: 'unsupported',
            sharpImageService: 'unsupported',
          },
        });
      },
    },
  };
}
