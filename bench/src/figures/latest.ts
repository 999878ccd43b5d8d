import { listAt, numberAt } from './json.ts';
import type { ResultFile } from './result-file.ts';

/**
 * What a result measured, as far as it decides which results compete for "latest": the generated
 * article count (`--articles`; 0 is the seeded demo content) or the system `npm start` runs
 * (`--running`, whatever its content). Sample and round counts are not part of it.
 */
/** `semantic`: the bench ran the embedder beside the search, as the running system does (keystroke). */
export type Workload = { articles?: number; running: boolean; semantic?: true };

/** One bench's figures for one workload, and the results file they come from. */
export type Entry = { bench: string; workload: Workload; result: ResultFile; figures: unknown };

/**
 * The entries of one results file: one per size for `site-build` (a run may build several sizes),
 * one for every other bench. Files written before `--running` existed measured a bench-started
 * system; drills written before they recorded parameters have no article count; relevance results
 * written before `--articles` measured the seeded site.
 */
export function entriesOf(result: ResultFile): Entry[] {
  const running = result.params.running === true;
  if (result.name === 'site-build') {
    return listAt(result.data, 'results').map((figures) => ({
      bench: result.name,
      workload: { articles: numberAt(figures, 'articles'), running },
      result,
      figures,
    }));
  }
  // Relevance ran on the seeded site alone before it took --articles.
  const articles = running ? undefined : (numberAt(result.params, 'articles') ?? (result.name === 'relevance' ? 0 : undefined));
  const semantic = result.params.semantic === true ? { semantic: true as const } : {};
  return [{ bench: result.name, workload: { articles, running, ...semantic }, result, figures: result.data }];
}

const workloadKey = (w: Workload) =>
  `${w.running ? 'running' : `articles ${w.articles ?? 'not recorded'}`}${w.semantic ? ' semantic' : ''}`;

/** Later first: by `at`, then by file name, so two results of the same instant still order one way. */
function isLater(a: ResultFile, b: ResultFile): boolean {
  const byTime = Date.parse(a.at) - Date.parse(b.at);
  return byTime !== 0 ? byTime > 0 : a.file > b.file;
}

/** Workloads in reading order: unrecorded first, then by article count (without the embedder first), the running system last. */
function compareWorkloads(a: Workload, b: Workload): number {
  if (a.running !== b.running) return a.running ? 1 : -1;
  return (a.articles ?? -1) - (b.articles ?? -1) || Number(a.semantic ?? false) - Number(b.semantic ?? false);
}

/**
 * The latest entry of each bench and workload, skipping `withdrawn` files (results of a change
 * that was reverted: they describe no version of the system). Sorted by bench, then workload.
 */
export function latestEntries(results: readonly ResultFile[], withdrawn: Readonly<Record<string, string>> = {}): Entry[] {
  const latest = new Map<string, Entry>();
  for (const result of results) {
    if (Object.hasOwn(withdrawn, result.file)) continue;
    for (const entry of entriesOf(result)) {
      const key = `${entry.bench}\n${workloadKey(entry.workload)}`;
      const known = latest.get(key);
      if (!known || isLater(entry.result, known.result)) latest.set(key, entry);
    }
  }
  return [...latest.values()].sort((a, b) => (a.bench === b.bench ? compareWorkloads(a.workload, b.workload) : a.bench < b.bench ? -1 : 1));
}
