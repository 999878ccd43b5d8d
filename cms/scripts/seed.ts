/**
 * `npm run seed -w cms`: creates the demo content that is missing (matched by slug), then exits.
 * Safe to run any number of times; it never changes documents that already exist.
 *
 * `-- --vocabulary`: replaces the editors' search vocabulary with the seeded default instead.
 */
import { type Progress, progressBar } from '@stackguide/runtime';
import { resetSearchSettings } from '../src/bootstrap/search-settings';
import { type SeedProgress, seed } from '../src/seed/seed';
import { runJob } from './boot';

if (process.argv.includes('--vocabulary')) {
  runJob('seed --vocabulary', async (app) => {
    const written = await resetSearchSettings(app);
    console.log(`seed: the search vocabulary is now the default (${written}); search-sync applies it at its next reconcile`);
  });
} else {
  runJob('seed', async (app) => {
    const bars = new Map<SeedProgress['kind'], Progress>();
    const counts = await seed(app, ({ kind, done, total, slug }) => {
      const bar = bars.get(kind) ?? progressBar(`seed: ${kind}`, total, { unit: kind });
      bars.set(kind, bar);
      bar.update(done, slug);
      if (done === total) bar.end();
    });
    console.log(`seed: done, ${counts.created} created, ${counts.existing} already there`);
  });
}
