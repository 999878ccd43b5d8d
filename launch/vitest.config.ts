import { defineConfig } from 'vitest/config';

// The launchers' tests start real processes (Meilisearch, process groups under a lifeline).
export default defineConfig({ test: { include: ['src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: false } });
