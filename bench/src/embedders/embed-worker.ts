/**
 * Embeds one corpus with one candidate model, alone in this process so its peak memory is its own:
 * `embed-worker.ts <model> <input.json> <out>`, input `{ documents: string[], queries: string[] }`.
 * Writes `<out>.bin` (every document's vector, then every query's, 32-bit floats) and `<out>.json`
 * (dimensions and timings). Progress goes to stderr.
 */
import fs from 'node:fs';
import { candidate } from './candidates.ts';

const BATCH = 32;
const WARM_UP_QUERIES = 3;

function peakRssMiB(): number {
  const kib = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1];
  return kib ? Math.round(Number(kib) / 1024) : Math.round(process.memoryUsage().rss / 2 ** 20);
}

async function main(): Promise<void> {
  const [id, input, out] = process.argv.slice(2);
  if (!id || !input || !out) throw new Error('usage: embed-worker.ts <model> <input.json> <out>');
  const { documents, queries } = JSON.parse(fs.readFileSync(input, 'utf8')) as { documents: string[]; queries: string[] };
  const loadStart = performance.now();
  const model = await candidate(id).load();
  const loadMs = performance.now() - loadStart;
  const vectors: ArrayLike<number>[] = [];
  const documentsStart = performance.now();
  let reported = 0;
  for (let i = 0; i < documents.length; i += BATCH) {
    vectors.push(...(await model.embed(documents.slice(i, i + BATCH))));
    if (vectors.length - reported >= 1000 || vectors.length === documents.length) {
      reported = vectors.length;
      process.stderr.write(`  ${id}: ${reported} / ${documents.length} documents embedded\n`);
    }
  }
  const documentsMs = performance.now() - documentsStart;
  // The first calls pay for compilation and buffer allocation, which a running embedder paid at start.
  await model.embed(queries.slice(0, WARM_UP_QUERIES));
  const queryMs: number[] = [];
  for (const query of queries) {
    const start = performance.now();
    vectors.push(...(await model.embed([query])));
    queryMs.push(performance.now() - start);
  }
  await model.release();
  const dimensions = vectors[0]?.length ?? 0;
  const flat = new Float32Array(vectors.length * dimensions);
  for (const [i, v] of vectors.entries()) flat.set(Array.from(v), i * dimensions);
  fs.writeFileSync(`${out}.bin`, flat);
  fs.writeFileSync(`${out}.json`, JSON.stringify({ dimensions, loadMs, documentsMs, queryMs, peakRssMiB: peakRssMiB() }));
}

main().catch((err: unknown) => {
  process.stderr.write(`embed-worker: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
