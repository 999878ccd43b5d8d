import { getViteConfig } from 'astro/config';
import type { ViteUserConfig } from 'vitest/config';

const config: ViteUserConfig = {
  test: {
    include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
};

// getViteConfig lets tests compile .astro components for the container API. Astro bundles its own
// Vite (a different major than vitest's), so the two UserConfig types do not line up: hence the cast.
export default getViteConfig(config as unknown as Parameters<typeof getViteConfig>[0]);
