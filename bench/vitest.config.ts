import { defineConfig } from 'vitest/config';

// Only the pure helpers are tested; benchmarks and drills run through the CLI, never in `npm test`.
export default defineConfig({ test: { include: ['src/**/*.test.ts'] } });
