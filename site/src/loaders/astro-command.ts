import type { AstroIntegration } from 'astro';

/**
 * The loaders run in `astro sync` / `astro check` too, which only need types. This integration
 * records which command runs so the Strapi loader can skip fetching when only types are wanted;
 * builds and dev always fetch. A global is used because astro.config and content.config are
 * loaded as separate module instances.
 */
const KEY = Symbol.for('stackguide.astroCommand');

type CommandHolder = { [KEY]?: string };

export function astroCommandIntegration(): AstroIntegration {
  return {
    name: 'stackguide-astro-command',
    hooks: {
      'astro:config:setup': ({ command }) => {
        (globalThis as CommandHolder)[KEY] = command;
      },
    },
  };
}

/** True when the running Astro command only generates types (`astro sync`, `astro check`). */
export function isTypesOnlyRun(): boolean {
  return (globalThis as CommandHolder)[KEY] === 'sync';
}
