import { getViteConfig } from 'astro/config';

// getViteConfig lets tests compile .astro components for the container API.
export default getViteConfig({
  test: {
    include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
