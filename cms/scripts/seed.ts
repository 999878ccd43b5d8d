/**
 * `npm run seed -w cms`: creates the demo content that is missing (matched by slug), then exits.
 * Safe to run any number of times; it never changes documents that already exist.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createStrapi } from '@strapi/strapi';
import { seed } from '../src/seed/seed';

async function main(): Promise<void> {
  const envFile = path.resolve(__dirname, '..', '..', '.env');
  if (fs.existsSync(envFile)) process.loadEnvFile(envFile);
  // This process only seeds; bootstrap must not seed a second time or register webhooks differently.
  process.env.SEED_ON_START = 'false';
  process.env.SERVE_ADMIN_PANEL = 'false';
  // Runs the compiled app in cms/dist (the npm script compiles first) rather than compiling here,
  // so it can run beside a live CMS without rewriting the files that CMS loaded.
  const appDir = path.resolve(__dirname, '..');
  const app = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  app.log.level = 'warn';
  try {
    const counts = await seed(app);
    console.log(`seed: done, ${counts.created} created, ${counts.existing} already there`);
  } finally {
    await app.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(`seed failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
