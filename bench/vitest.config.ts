import { defineConfig } from 'vitest/config';

// Only helpers are tested (pure, or against small local fakes); benchmarks and drills run through the CLI, never in `npm test`.
export default defineConfig({ test: { include: ['src/**/*.test.ts'] } });
