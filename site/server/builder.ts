import fs from 'node:fs/promises';
import type { Logger } from 'pino';
import { BuildDirs } from './build-dirs.ts';
import { removeTree } from './remove-tree.ts';
import type { ContentChange } from '../src/lib/snapshot.ts';
import type { BuildKind, BuildRequest } from './site-build.ts';
import { PendingChanges } from './pending-changes.ts';
import type { SiteStatus } from '@stackguide/contracts/site-status';

/** What a build function returns: its state (handed to the next build) and what it did. */
export type BuildResult<S> = { state: S; kind: BuildKind; pages: number; rendered: number };

/**
 * Builds into `outDir` (fresh, not yet existing). `previous` is the state of the build being
 * served (null for the first); `onKind` says early whether this one is full or incremental.
 */
export type BuildFn<S> = (
  outDir: string,
  previous: S | null,
  request: BuildRequest,
  onKind: (kind: BuildKind) => void,
) => Promise<BuildResult<S>>;

export type BuilderOptions<S> = {
  /** Parent of the build directories (site/.builds). */
  buildsDir: string;
  build: BuildFn<S>;
  /** Quiet period after the last trigger before a build starts. */
  debounceMs: number;
  /** A full build at least this often (the safety run), whatever the hooks said. */
  fullBuildIntervalMs?: number;
  /** First wait before retrying a failed build; doubles up to a minute. */
  retryMs?: number;
  /** Successful builds kept on disk, the served one included. */
  keep?: number;
  /**
   * A copy of the served build for the next build to bring up to date, made in the background when
   * a build's state has none to offer (after a start): without it, the first change links every file.
   */
  spare?: SpareMaker<S>;
  logger: Logger;
};

export type SpareMaker<S> = {
  needed(state: S): boolean;
  /** Copies the build `state` describes into `dir` (fresh); returns the state with that copy as its spare. */
  make(state: S, dir: string): Promise<S>;
};

/** What GET /__status reports. */
export type BuilderStatus = SiteStatus;

const MAX_RETRY_MS = 60_000;

/**
 * Builds the site into fresh directories and says which one to serve. The served directory only
 * changes after a build succeeds; a failed build leaves the previous site up and is retried with
 * backoff, its changes kept. Triggers are debounced; triggers arriving while a build runs
 * coalesce into one follow-up build carrying all their changes.
 */
export class SiteBuilder<S> {
  #current: { dir: string; state: S; status: NonNullable<BuilderStatus['current']> } | null = null;
  #building: BuilderStatus['building'] = null;
  #lastFailure: BuilderStatus['lastFailure'] = null;
  #pending: PendingChanges | null = null;
  #failures = 0;
  readonly #dirs: BuildDirs;
  #timer: NodeJS.Timeout | null = null;
  #safety: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  /** Removal of builds no longer kept; the next build does not wait for it. */
  #removing: Promise<void> = Promise.resolve();
  /** A spare being made; the next build waits for it (it would link the same files itself). */
  #sparing: Promise<void> = Promise.resolve();
  #closed = false;
  readonly #opts: Required<Omit<BuilderOptions<S>, 'spare'>> & Pick<BuilderOptions<S>, 'spare'>;

  constructor(opts: BuilderOptions<S>) {
    this.#opts = { keep: 2, retryMs: 5_000, fullBuildIntervalMs: 24 * 3_600_000, ...opts };
    this.#dirs = new BuildDirs(opts.buildsDir, this.#opts.keep);
  }

  /** The directory being served, or null before the first successful build. */
  current(): string | null {
    return this.#current?.dir ?? null;
  }

  /** The served build's state, or null before the first successful build. */
  state(): S | null {
    return this.#current?.state ?? null;
  }

  status(): BuilderStatus {
    return {
      current: this.#current?.status ?? null,
      building: this.#building,
      lastFailure: this.#lastFailure,
      pending: this.#pending !== null,
    };
  }

  /**
   * Builds once (a full build) and serves the result; for start-up.
   * @throws whatever the build function throws (the caller exits with its message).
   */
  async buildNow(): Promise<string> {
    await fs.mkdir(this.#opts.buildsDir, { recursive: true });
    this.#pending = (this.#pending ?? new PendingChanges()).add(null, true);
    await this.#build(true);
    return this.current()!;
  }

  /**
   * Asks for a build of `changes` (null: something changed, unknown what), or a full build; returns at once.
   */
  trigger(reason: string, changes: ContentChange[] | null, full = false): void {
    if (this.#closed) return;
    this.#opts.logger.info({ reason, changes: changes?.length ?? 'unknown', full }, 'rebuild requested');
    this.#pending = (this.#pending ?? new PendingChanges()).add(changes, full);
    this.#schedule(this.#opts.debounceMs);
  }

  /** Resolves once no build is waiting or running and old builds are removed. */
  async idle(): Promise<void> {
    while (this.#timer || this.#running) {
      if (this.#running) await this.#running;
      else await new Promise((resolve) => setTimeout(resolve, Math.max(5, this.#opts.debounceMs)));
    }
    await this.#sparing;
    await this.#removing;
  }

  /** Stops timers; a running build finishes on its own. */
  close(): void {
    this.#closed = true;
    for (const timer of [this.#timer, this.#safety]) if (timer) clearTimeout(timer);
    this.#timer = null;
    this.#safety = null;
    this.#pending = null;
  }

  #schedule(delayMs: number): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (!this.#running) this.#start();
    }, delayMs);
  }

  #start(): void {
    this.#running = this.#build(false)
      .catch(() => undefined)
      .finally(() => {
        this.#running = null;
        if (this.#pending && !this.#timer && !this.#closed) this.#schedule(this.#failures > 0 ? this.#retryDelay() : 0);
      });
  }

  #retryDelay(): number {
    return Math.min(MAX_RETRY_MS, this.#opts.retryMs * 2 ** (this.#failures - 1));
  }

  async #build(rethrow: boolean): Promise<void> {
    await this.#sparing;
    const taken = this.#pending;
    if (!taken) return;
    this.#pending = null;
    const { name, dir: outDir } = this.#dirs.forBuild();
    const log = this.#opts.logger.child({ build: name });
    const started = Date.now();
    const previous = this.#current?.state ?? null;
    this.#building = { startedAt: new Date(started).toISOString(), kind: previous && !taken.full ? 'incremental' : 'full' };
    log.info('build started');
    let result: BuildResult<S>;
    try {
      result = await this.#opts.build(outDir, previous, taken.request(), (kind) => {
        if (this.#building) this.#building.kind = kind;
      });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await removeTree(outDir);
      this.#building = null;
      this.#failures += 1;
      this.#lastFailure = { at: new Date().toISOString(), message };
      // The changes are still owed: put them back for the retry (and whatever arrives meanwhile).
      this.#pending = (this.#pending ?? new PendingChanges()).addAll(taken);
      log.error({ err, ms: Date.now() - started }, this.#current ? 'build failed; still serving the previous build' : 'build failed');
      if (rethrow) {
        this.#pending = null;
        throw err;
      }
      return;
    }
    const finished = Date.now();
    this.#failures = 0;
    this.#building = null;
    this.#current = {
      dir: outDir,
      state: result.state,
      status: {
        id: name,
        kind: result.kind,
        startedAt: new Date(started).toISOString(),
        finishedAt: new Date(finished).toISOString(),
        ms: finished - started,
        pages: result.pages,
        rendered: result.rendered,
      },
    };
    await this.#dirs.serve(name);
    log.info(
      { kind: result.kind, pages: result.pages, rendered: result.rendered, ms: finished - started },
      'build succeeded; now serving it',
    );
    if (result.kind === 'full') this.#armSafetyRun(started);
    // Removing a large build is seconds of file-system work: a change that arrives meanwhile must
    // not wait for it, so it runs beside the next build instead of before it.
    this.#removing = this.#removing.then(() => this.#dirs.cleanUp()).catch((err) => log.warn({ err }, 'could not remove old builds'));
    const spare = this.#opts.spare;
    if (spare?.needed(result.state)) this.#sparing = this.#makeSpare(spare, log);
  }

  async #makeSpare(spare: SpareMaker<S>, log: Logger): Promise<void> {
    const served = this.#current!;
    const copy = this.#dirs.forSpare();
    const started = Date.now();
    try {
      served.state = await spare.make(served.state, copy.dir);
      log.info({ spare: copy.name, ms: Date.now() - started }, 'spare build ready: the next change brings it up to date');
    } catch (err) {
      log.warn({ err, spare: copy.name }, 'could not make a spare build; the next change links every file anew');
      await this.#dirs.drop(copy);
    }
  }

  /** The safety run: a full build one interval after the last full build started. */
  #armSafetyRun(fullStartedAt: number): void {
    if (this.#safety) clearTimeout(this.#safety);
    if (this.#closed || !Number.isFinite(this.#opts.fullBuildIntervalMs)) return;
    const delay = Math.max(0, fullStartedAt + this.#opts.fullBuildIntervalMs - Date.now());
    this.#safety = setTimeout(() => this.trigger('safety run: full build interval passed', null, true), Math.min(delay, 2 ** 31 - 1));
    this.#safety.unref();
  }
}
