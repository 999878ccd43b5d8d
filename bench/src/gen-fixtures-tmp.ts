import { fixtureCopy } from './fixtures.ts';
for (const n of [100, 1000, 10000]) {
  const t = Date.now();
  await fixtureCopy(n, `/work/main/bench/.work/tmp-check-${n}.db`);
  console.log(`fixture ${n} ready in ${((Date.now() - t) / 1000).toFixed(0)} s`);
}
