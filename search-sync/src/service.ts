import type http from 'node:http';
import type { Meilisearch } from 'meilisearch';
import type { SearchTerms } from '@stackguide/contracts/analytics';
import { handleAnalytics } from './analytics-http.ts';
import { AnalyticsStore } from './analytics-store.ts';
import { handleAdmin } from './admin-api.ts';
import { BuildHook, type BuildHookOptions } from './build-hook.ts';
import type { Config } from './config.ts';
import { DocumentVectors } from './document-vectors.ts';
import { createEmbedderClient } from './embedder-client.ts';
import { describeError } from './errors.ts';
import { INDEX_UID } from '@stackguide/contracts/search-index';
import { ensureSearchKey } from './keys.ts';
import type { Logger } from './logger.ts';
import { createMeili, ensureIndexes } from './meili.ts';
import { SearchIndex } from './search-index.ts';
import { Metrics } from './metrics.ts';
import { PageIndexes } from './page-index.ts';
import { PopularSearches } from './popular-searches.ts';
import { Processor } from './processor.ts';
import { SyncQueue } from './queue.ts';
import { RateLimiter } from './rate-limit.ts';
import { RebuildMark } from './rebuild-mark.ts';
import { DEFAULT_BACKOFF, backoffDelay, type BackoffOptions } from './retry-policy.ts';
import { reconcile } from './reconcile.ts';
import { ReconcileLoop } from './reconcile-loop.ts';
import { ReindexRunner } from './reindex-job.ts';
import { createHttpServer, listen } from './server.ts';
import { syncStatus, type SyncStatus } from './status.ts';
import { CmsReader } from './cms-reader.ts';
import { applyVocabulary, searchTerms } from './vocabulary.ts';
import { VectorStore } from './vector-store.ts';
import { handleWebhook } from './webhook.ts';

/** Queue meta key of the search terms last read from the vocabulary (served at /search-terms). */
const SEARCH_TERMS_KEY = 'searchTerms';

export type ServiceOptions = {
  backoff?: BackoffOptions;
  pollMs?: number;
  buildHook?: Pick<BuildHookOptions, 'debounceMs' | 'idleCheckMs' | 'retry'>;
};

/** Everything `search-sync serve` runs: HTTP intake, processor, periodic reconcile. */
export class Service {
  readonly queue: SyncQueue;
  readonly meili: Meilisearch;
  readonly strapi: CmsReader;
  readonly index: SearchIndex;
  readonly pageIndexes: PageIndexes;
  readonly metrics = new Metrics();
  readonly processor: Processor;
  /** Calls the site's build hook after the index changed; its owed rebuild lives in the queue database. */
  readonly buildHook: BuildHook;
  /** Search analytics the site reports (analytics.db beside the queue). */
  readonly analytics: AnalyticsStore;
  /** The popular searches: the analytics' candidates that the index confirms find something. */
  readonly popular: PopularSearches;
  /** Reindexes started through the admin API, one at a time. */
  readonly reindexRunner: ReindexRunner;
  /** Vectors of embedded texts (vectors.db beside the queue); only when semantic search is on. */
  private readonly vectorStore: VectorStore | undefined;
  /** Reconciles every RECONCILE_INTERVAL, sooner after a failure or an entry the queue cannot place. */
  private readonly reconciler: ReconcileLoop;
  private server: http.Server | undefined;
  private preparing: NodeJS.Timeout | undefined;
  private stopped = false;
  private searchKey: string | undefined;
  readonly startedAt = new Date().toISOString();

  constructor(
    private readonly config: Config,
    private readonly log: Logger,
    private readonly opts: ServiceOptions = {},
  ) {
    this.queue = new SyncQueue(config.dataDir);
    this.analytics = new AnalyticsStore(config.dataDir);
    this.meili = createMeili(config.meiliUrl, config.meiliMasterKey);
    this.strapi = new CmsReader(config.strapiUrl, config.strapiToken);
    this.vectorStore = config.embedder ? new VectorStore(config.dataDir) : undefined;
    const vectors =
      config.embedder && this.vectorStore
        ? new DocumentVectors({
            embedder: createEmbedderClient(config.embedder.url, config.embedder.apiKey),
            store: this.vectorStore,
            log,
            settings: config.embedder,
          })
        : undefined;
    this.index = new SearchIndex(this.meili, INDEX_UID, vectors);
    this.pageIndexes = new PageIndexes(this.meili);
    this.popular = new PopularSearches(this.analytics, (query) => this.index.finds(query), log);
    this.buildHook = new BuildHook(
      new RebuildMark(this.queue.db),
      { url: config.buildHookUrl, secret: config.buildHookSecret, ...opts.buildHook },
      log,
    );
    this.processor = new Processor({
      queue: this.queue,
      strapi: this.strapi,
      index: this.index,
      pageIndexes: this.pageIndexes,
      metrics: this.metrics,
      log,
      applyVocabulary: () =>
        applyVocabulary({
          meili: this.meili,
          strapi: this.strapi,
          log,
          onRead: (vocabulary) => this.queue.setMeta(SEARCH_TERMS_KEY, searchTerms(vocabulary)),
        }),
      buildHook: this.buildHook,
      backoff: opts.backoff,
      pollMs: opts.pollMs,
    });
    this.reindexRunner = new ReindexRunner({
      meili: this.meili,
      strapi: this.strapi,
      index: this.index,
      pageIndexes: this.pageIndexes,
      queue: this.queue,
      buildHook: this.buildHook,
      log,
      wake: () => this.processor.wake(),
    });
    this.reconciler = new ReconcileLoop({
      run: async () =>
        (
          await reconcile({
            strapi: this.strapi,
            index: this.index,
            pageIndexes: this.pageIndexes,
            queue: this.queue,
            log,
          })
        ).result,
      onDone: () => this.processor.wake(),
      intervalMs: config.reconcileIntervalMs,
      backoff: opts.backoff,
      log,
    });
  }

  /**
   * Listens first (webhooks are queued durably even while Meilisearch is still down), then applies
   * settings and the search key, reconciles, and starts the processor.
   * @throws when the HTTP port cannot be bound.
   */
  async start(): Promise<number> {
    const limiter = new RateLimiter();
    this.server = createHttpServer(
      {
        webhook: (req, res) =>
          handleWebhook(req, res, {
            secret: this.config.webhookSecret,
            queue: this.queue,
            metrics: this.metrics,
            log: this.log,
            onQueued: () => this.processor.wake(),
            onUnknownEntry: () => this.reconciler.soon(1_000),
          }),
        analytics: (req, res, path) =>
          handleAnalytics(req, res, path, {
            store: this.analytics,
            popular: this.popular,
            limiter,
            siteOrigin: this.config.siteOrigin,
            terms: () => this.queue.getMeta<SearchTerms>(SEARCH_TERMS_KEY),
            log: this.log,
          }),
        health: () => this.health(),
        status: () => this.status(),
        searchKey: () => (this.searchKey ? { indexUid: INDEX_UID, searchKey: this.searchKey, url: this.config.meiliPublicUrl } : null),
        metrics: () => this.metrics.render(this.queue.depth()),
        admin: (req, res, path) =>
          handleAdmin(req, res, path, {
            secret: this.config.adminSecret,
            queue: this.queue,
            index: this.index,
            reindex: this.reindexRunner,
            status: () => this.status(),
            analytics: this.analytics,
            onQueued: () => this.processor.wake(),
          }),
      },
      this.log,
    );
    const port = await listen(this.server, this.config.port, this.config.host);
    this.log.info({ url: `http://${this.config.host}:${port}` }, 'search-sync listening');
    // A rebuild owed before a restart (or left by a CLI reconcile) is asked for now.
    this.buildHook.start();
    void this.prepare(1);
    return port;
  }

  private async prepare(attempt: number): Promise<void> {
    if (this.stopped) return;
    let complete: boolean;
    try {
      complete = await ensureIndexes(this.meili, this.config.embedder);
      this.searchKey = await ensureSearchKey(this.meili);
      this.log.info('index settings applied and search key ensured');
    } catch (err) {
      const delay = backoffDelay(attempt, this.opts.backoff ?? DEFAULT_BACKOFF);
      this.log.warn({ err: describeError(err), retryInMs: delay }, 'could not prepare Meilisearch; retrying');
      if (!this.stopped) this.preparing = setTimeout(() => void this.prepare(attempt + 1), delay);
      return;
    }
    this.processor.start();
    if (!complete) {
      this.log.info('semantic search is on but the index has no embedder yet: reindexing to give every article its vector');
      this.reindexRunner.start();
    }
    await this.reconciler.now();
  }

  /** Runs one reconcile now, or waits for the one running (see ReconcileLoop). */
  reconcileNow(): Promise<void> {
    return this.reconciler.now();
  }

  /** First reconcile finished and everything it queued has been applied. */
  ready(): boolean {
    const first = this.reconciler.firstResult;
    return first !== undefined && this.queue.pendingUpTo(first.watermark) === 0;
  }

  async health(): Promise<{ ok: boolean; detail: Record<string, unknown> }> {
    const [strapi, meilisearch] = await Promise.all([this.strapi.healthy(), this.meili.isHealthy().catch(() => false)]);
    const state = (up: boolean, url: string) => (up ? 'reachable' : `unreachable at ${url}`);
    return {
      ok: strapi && meilisearch,
      detail: {
        status: strapi && meilisearch ? 'ok' : 'degraded',
        strapi: state(strapi, this.config.strapiUrl),
        meilisearch: state(meilisearch, this.config.meiliUrl),
      },
    };
  }

  status(): SyncStatus {
    return syncStatus(this.queue, { ready: this.ready(), startedAt: this.startedAt, metrics: this.metrics });
  }

  /** Stops intake, lets the current batch finish, and closes the database. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.preparing);
    const closed = new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server?.closeIdleConnections();
    await this.processor.stop();
    await this.reconciler.stop();
    await this.buildHook.stop();
    await closed;
    this.queue.close();
    this.analytics.close();
    this.vectorStore?.close();
  }
}
