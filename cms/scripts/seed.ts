/**
 * `npm run seed -w cms`: creates the demo content that is missing (matched by slug), then exits.
 * Safe to run any number of times; it never changes documents that already exist.
 */
import { type Progress, progressBar } from '@stackguide/runtime';
import { type SeedProgress, seed } from '../src/seed/seed';
import { runJob } from './boot';

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
