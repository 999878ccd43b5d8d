/**
 * `npm run seed -w cms`: creates the demo content that is missing (matched by slug), then exits.
 * Safe to run any number of times; it never changes documents that already exist.
 */
import { seed } from '../src/seed/seed';
import { runJob } from './boot';

runJob('seed', async (app) => {
  const counts = await seed(app);
  console.log(`seed: done, ${counts.created} created, ${counts.existing} already there`);
});
