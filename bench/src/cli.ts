import { parseArgs } from 'node:util';
import { stopAll } from '@stackguide/test-kit';
import { publishLatency } from './publish-latency.ts';
import { reindexBench } from './reindex.ts';
import { meiliSettingsBench } from './meili-settings.ts';
import { siteBuildBench } from './site-build.ts';
import { sitePublishBench } from './site-publish.ts';
import { searchLatencyBench } from './search-latency.ts';
import { keystrokeBench } from './keystroke.ts';
import { loadBench } from './load.ts';
import { relevanceBench } from './relevance/relevance.ts';
import { embeddersBench } from './embedders/embedders.ts';
import { scaleBench } from './scale/scale.ts';
import { meiliKillDrill } from './drills/meili-kill.ts';
import { strapiStopDrill } from './drills/strapi-stop.ts';
import { syncKillDrill } from './drills/sync-kill.ts';
import { webhookStormDrill } from './drills/webhook-storm.ts';
import { badInputsDrill } from './drills/bad-inputs.ts';
import { writeReport } from './figures/report.ts';
import { REPO_ROOT, RESULTS_DIR } from './paths.ts';

type Runner = (opts: Record<string, number>) => Promise<void>;

const BENCHES: Record<string, { defaults: Record<string, number>; run: Runner; about: string }> = {
  publish: {
    defaults: { articles: 1000, samples: 200 },
    run: (o) => publishLatency({ articles: o.articles!, samples: o.samples!, running: o.running === 1 }),
    about: 'publish → searchable p50/p95/p99, ours vs plugin (--running: the system npm start runs, alone)',
  },
  'site-build': {
    defaults: { articles: 0, runs: 3 },
    run: (o) => siteBuildBench({ sizes: o.articles ? [o.articles] : [100, 1000, 10_000], runs: o.runs! }),
    about: 'site build vs the in-memory floor at 100/1,000/10,000 (or --articles N), and one-change rebuild',
  },
  'site-publish': {
    defaults: { articles: 10_000, samples: 20 },
    run: (o) => sitePublishBench({ articles: o.articles!, samples: o.samples!, running: o.running === 1 }),
    about: 'publish/edit/unpublish → page live on the site at --articles N (--running: against the system npm start runs)',
  },
  search: {
    defaults: { articles: 10_000, runs: 3 },
    run: (o) => searchLatencyBench({ articles: o.articles!, runs: o.runs! }),
    about: 'search processingTimeMs and round trip over 200 queries, plus peak RSS of each part',
  },
  keystroke: {
    defaults: { articles: 10_000, samples: 200 },
    run: (o) => keystrokeBench({ articles: o.articles!, samples: o.samples!, semantic: o.semantic === 1 }),
    about:
      'keystroke → results painted, then → sections painted, in headless Chromium on the built /search/ page (--articles 0: seeded content; --semantic: with the embedder, as npm start runs it)',
  },
  load: {
    defaults: { articles: 10_000, samples: 20 },
    run: (o) => loadBench({ articles: o.articles!, samples: o.samples!, running: o.running === 1 }),
    about:
      'pages, search and analytics beacons at once while an editor publishes every 3 s (--samples publishes); --running: the npm start system',
  },
  relevance: {
    defaults: { articles: 0 },
    run: (o) => relevanceBench({ articles: o.articles! }),
    about:
      'judged queries on the seeded site (--articles N: with N generated articles): MRR@10, hits@1/@3, zero results; ours keyword, with meaning, Pagefind',
  },
  embedders: {
    defaults: { articles: 0 },
    run: (o) => embeddersBench({ articles: o.articles! }),
    about: 'the sentence encoders npm ships, ranked by meaning alone on the judged queries (--articles N: with N generated articles)',
  },
  'meili-settings': {
    defaults: { articles: 1000, samples: 40, runs: 2 },
    run: (o) => meiliSettingsBench({ articles: o.articles!, samples: o.samples!, runs: o.runs! }),
    about: 'Meilisearch indexing memory/threads: bulk load and single-document additions per candidate',
  },
  reindex: {
    defaults: { articles: 10000, runs: 3 },
    run: (o) => reindexBench({ articles: o.articles!, runs: o.runs!, running: o.running === 1 }),
    about:
      'full reindex docs/s with a concurrent search loop, ours vs plugin vs the floor (--running: the system npm start runs, no plugin)',
  },
  scale: {
    defaults: { articles: 0, samples: 20 },
    run: (o) => scaleBench({ sizes: o.articles ? [o.articles] : [1_000, 10_000, 100_000], samples: o.samples! }),
    about: 'every cost that grows, on a fresh npm start system at 1,000/10,000/100,000 articles (or --articles N): table and plot',
  },
  report: {
    defaults: {},
    run: async () => writeReport(REPO_ROOT, RESULTS_DIR),
    about: 'rewrite the figures tables in README.md and bench/README.md from the latest result of each bench in bench/results',
  },
};
const drill = (run: (o: { articles: number; samples: number }) => Promise<void>, about: string) => ({
  defaults: { articles: 1000, samples: 100 },
  run: (o: Record<string, number>) => run({ articles: o.articles!, samples: o.samples! }),
  about,
});
const DRILLS: Record<string, { defaults: Record<string, number>; run: Runner; about: string }> = {
  'meili-kill': drill(meiliKillDrill, 'Meilisearch SIGKILLed mid-burst, restarted after 20 s (ours and plugin)'),
  'sync-kill': drill(syncKillDrill, 'search-sync SIGKILLed mid-burst and mid-reindex'),
  'strapi-stop': drill(strapiStopDrill, 'Strapi stopped for 30 s while search-sync works'),
  'webhook-storm': drill(webhookStormDrill, '1,000 webhook events in 10 s with duplicates, out-of-order and entry: null'),
  'bad-inputs': drill(badInputsDrill, 'bad webhook inputs: status codes, nothing valid lost'),
};

const USAGE = `Usage: npm run bench -- <name> [--articles N] [--samples N] [--runs N] [--running] [--semantic]
       npm run drill -- <name> [--articles N]
benches:\n${Object.entries(BENCHES)
  .map(([n, b]) => `  ${n.padEnd(10)} ${b.about}`)
  .join('\n')}
drills:\n${Object.entries(DRILLS)
  .map(([n, b]) => `  ${n.padEnd(10)} ${b.about}`)
  .join('\n')}`;

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      articles: { type: 'string' },
      samples: { type: 'string' },
      runs: { type: 'string' },
      running: { type: 'boolean' },
      semantic: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  const [kind, name] = positionals;
  const table = kind === 'drill' ? DRILLS : BENCHES;
  const entry = name ? table[name] : undefined;
  if (values.help || !entry) {
    console.log(USAGE);
    if (!values.help) process.exitCode = 2;
    return;
  }
  const opts: Record<string, number> = {
    ...entry.defaults,
    ...(values.running ? { running: 1 } : {}),
    ...(values.semantic ? { semantic: 1 } : {}),
  };
  for (const key of ['articles', 'samples', 'runs'] as const) {
    const raw = values[key];
    if (raw === undefined) continue;
    const n = Number(raw);
    // --articles 0 means no generated articles: the seeded demo content alone (site-build: every size).
    const least = key === 'articles' ? 0 : 1;
    if (!Number.isInteger(n) || n < least) throw new Error(`--${key} must be a whole number ≥ ${least}, got "${raw}"`);
    opts[key] = n;
  }
  await entry.run(opts);
}

// Ctrl-C must not leave Strapi, Meilisearch or search-sync running.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stopAll(2_000).finally(() => process.exit(130)));

main()
  .catch((err: unknown) => {
    console.error(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exitCode = 1;
  })
  .finally(() => stopAll());
