import type { AstroIntegration } from 'astro';

/**
 * The site's own Astro adapter: `astro build` compiles the pages once into a server bundle whose
 * entry (render-entry.ts) exports a render function; the build host, not a web server, calls it
 * for every page it writes. No `/_image` endpoint: the host prepares images itself.
 */
export function renderAdapter(): AstroIntegration {
  return {
    name: 'stackguide-render',
    hooks: {
      'astro:config:done': ({ setAdapter }) => {
        setAdapter({
          name: 'stackguide-render',
          serverEntrypoint: new URL('./render-entry.ts', import.meta.url).pathname,
          exports: ['render', 'routes'],
          supportedAstroFeatures: { serverOutput: 'stable', staticOutput: 'unsupported', hybridOutput: 'unsupported', sharpImageService: 'unsupported' },
        });
      },
    },
  };
}
