import { isDeepStrictEqual } from 'node:util';
import type { Meilisearch } from 'meilisearch';
import type { BuildHook } from './build-hook.ts';
import { describeError } from './errors.ts';
import type { Logger } from './logger.ts';
import { ensureIndexes } from './meili.ts';
import type { SearchIndex } from './search-index.ts';
import type { PageIndexes } from './page-index.ts';
import type { SyncQueue } from './queue.ts';
import { type IndexStamps, indexedStamps, reconcile, type ReconcileResult } from './reconcile.ts';
import { reindex, type ReindexProgress } from './reindex.ts';
import type { CmsReader } from './cms-reader.ts';

/** How long a reconcile waits for what it queued to be applied before it reports what is left. */
const APPLY_TIMEOUT_MS = 60_000;

export type RepairDeps = {
  meili: Meilisearch;
  strapi: CmsReader;
  index: SearchIndex;
  pageIndexes: PageIndexes;
  queue: SyncQueue;
  buildHook: Pick<BuildHook, 'changed'>;
  log: Logger;
  /**
   * Gets the items queued up to `watermark` applied, giving up at `deadline` (ms): a one-off command
   * runs the processor itself, the running service wakes its own processor and waits.
   */
  drain(watermark: number, deadline: number): Promise<void>;
};

export type RepairResult = ReconcileResult & { stillQueued: number };
export type ReindexResult = { reindex: ReindexProgress; reconcile: RepairResult };

/** One reconcile, then waits until the repairs it queued are applied. */
async function repair(deps: RepairDeps, indexed?: IndexStamps): Promise<{ result: RepairResult; published: IndexStamps }> {
  await ensureIndexes(deps.meili, deps.index.vectors?.settings);
  const { result, published } = await reconcile(deps, indexed);
  await deps.drain(result.watermark, Date.now() + APPLY_TIMEOUT_MS);
  return { result: { ...result, stillQueued: deps.queue.pendingUpTo(result.watermark) }, published };
}

/**
 * Compares Strapi with the index once and waits until the repairs it queued are applied.
 * @throws StrapiError or Meilisearch errors when either side cannot be read.
 */
export async function reconcileAndApply(deps: RepairDeps): Promise<RepairResult> {
  return (await repair(deps)).result;
}

/**
 * A zero-downtime reindex, then a reconcile for the changes applied to the old index while the new
 * one loaded. Owes the site a rebuild when the swap changed what is indexed (e.g. after bulk jobs
 * that fired no webhooks). `search-sync reindex` and the admin API's reindex both run this.
 * @throws StrapiError or Meilisearch errors; the live index is left as it was.
 */
export async function reindexAndRepair(deps: RepairDeps, onProgress?: (p: ReindexProgress) => void): Promise<ReindexResult> {
  // Read while the fresh index loads rather than before, so the new run's progress shows at once:
  // the swap that could change what it reads comes only after every document is loaded.
  const before = indexedStamps(deps);
  before.catch(() => undefined);
  const { progress, loaded } = await reindex({
    meili: deps.meili,
    strapi: deps.strapi,
    log: deps.log,
    queue: deps.queue,
    onProgress,
    vectors: deps.index.vectors,
  });
  // The reconcile compares Strapi with what was just loaded instead of reading it back. Changes
  // applied after the swap only make it queue a few articles again, which the processor re-checks.
  const repaired = await repair(deps, loaded);
  // Once repaired, the indexes hold Strapi's published set: compare that with what they held before.
  if (!isDeepStrictEqual(await before, repaired.published)) deps.buildHook.changed('all');
  return { reindex: progress, reconcile: repaired.result };
}

/**
 * Runs reindexes inside the service one at a time; progress goes to the queue database (`status`).
 * The service's own processor applies the repairs: `wake` tells it there is work.
 */
export class ReindexRunner {
  private running: Promise<void> | undefined;
  private readonly deps: RepairDeps;

  constructor(deps: Omit<RepairDeps, 'drain'> & { wake(): void }) {
    const { wake, ...rest } = deps;
    this.deps = {
      ...rest,
      async drain(watermark, deadline) {
        wake();
        while (rest.queue.pendingUpTo(watermark) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      },
    };
  }

  /** Whether a reindex started here is still running. */
  get active(): boolean {
    return this.running !== undefined;
  }

  /** Starts a reindex in the background; false when one is already running. */
  start(): boolean {
    if (this.running) return false;
    this.deps.log.info('reindex requested through the admin API');
    this.running = reindexAndRepair(this.deps)
      .then(
        () => undefined,
        (err: unknown) => this.deps.log.error({ err: describeError(err) }, 'reindex failed; the live index was left as it was'),
      )
      .finally(() => {
        this.running = undefined;
      });
    return true;
  }
}
