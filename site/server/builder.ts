import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';

export type BuildFn = (outDir: string) => Promise<void>;

export type BuilderOptions = {
  /** Parent of the build directories (site/.builds). */
  buildsDir: string;
  build: BuildFn;
  /** Quiet period after the last trigger before a build starts. */
  debounceMs: number;
  /** Successful builds kept on disk, the served one included. */
  keep?: number;
  logger: Logger;
};

const PREFIX = 'site-';
/** Symlink to the build being served, for servers outside this process. */
export const CURRENT_LINK = 'current';

/**
 * Builds the site into fresh directories and says which one to serve. The served directory only
 * changes after a build succeeds; a failed build leaves the previous site up. Triggers are
 * debounced, and triggers arriving while a build runs coalesce into one follow-up build.
 */
export class SiteBuilder {
  #current: string | null = null;
  /** When the served build started fetching content (ms). */
  #currentStartedAt: number | null = null;
  #kept: string[] = [];
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #pending = false;
  #sequence = 0;
  readonly #opts: Required<BuilderOptions>;

  constructor(opts: BuilderOptions) {
    this.#opts = { keep: 2, ...opts };
  }

  /** The directory being served, or null before the first successful build. */
  current(): string | null {
    return this.#current;
  }

  /**
   * Builds once and serves the result; for start-up.
   * @throws whatever the build function throws (the caller exits with its message).
   */
  async buildNow(): Promise<string> {
    await fs.mkdir(this.#opts.buildsDir, { recursive: true });
    await this.#build(true);
    return this.#current!;
  }

  /**
   * Whether the build being served started at or after `time` (ms): it fetched its content later,
   * so it already shows every change published by then.
   */
  coversChangesUpTo(time: number): boolean {
    return this.#currentStartedAt !== null && this.#currentStartedAt >= time;
  }

  /** Asks for a rebuild; returns at once. */
  trigger(reason: string): void {
    this.#opts.logger.info({ reason }, 'rebuild requested');
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (this.#running) this.#pending = true;
      else this.#start();
    }, this.#opts.debounceMs);
  }

  /** Resolves once no build is waiting or running. */
  async idle(): Promise<void> {
    while (this.#timer || this.#running) {
      if (this.#running) await this.#running;
      else await new Promise((resolve) => setTimeout(resolve, this.#opts.debounceMs));
    }
  }

  /** Stops pending timers; a running build finishes on its own. */
  close(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#pending = false;
  }

  #start(): void {
    this.#running = this.#build(false)
      .catch(() => undefined)
      .finally(() => {
        this.#running = null;
        if (this.#pending) {
          this.#pending = false;
          this.#start();
        }
      });
  }

  async #build(rethrow: boolean): Promise<void> {
    const name = `${PREFIX}${Date.now()}-${++this.#sequence}`;
    const outDir = path.join(this.#opts.buildsDir, name);
    const log = this.#opts.logger.child({ outDir });
    const started = Date.now();
    log.info('build started');
    try {
      await this.#opts.build(outDir);
    } catch (err) {
      log.error({ err, ms: Date.now() - started }, this.#current ? 'build failed; still serving the previous build' : 'build failed');
      await fs.rm(outDir, { recursive: true, force: true });
      if (rethrow) throw err;
      return;
    }
    this.#current = outDir;
    this.#currentStartedAt = started;
    await this.#pointCurrentLink(name);
    this.#kept.push(name);
    log.info({ ms: Date.now() - started }, 'build succeeded; now serving it');
    await this.#cleanUp();
  }

  /**
   * Keeps `<buildsDir>/current` pointing at the served build, switched atomically (new link, then
   * rename over the old one), so a static server such as nginx in docker-compose can serve it.
   */
  async #pointCurrentLink(name: string): Promise<void> {
    const link = path.join(this.#opts.buildsDir, CURRENT_LINK);
    const next = `${link}.${this.#sequence}.tmp`;
    await fs.rm(next, { force: true });
    await fs.symlink(name, next);
    await fs.rename(next, link);
  }

  /** Removes build directories other than the last `keep` successful ones (also leftovers of earlier runs). */
  async #cleanUp(): Promise<void> {
    const keep = new Set(this.#kept.slice(-this.#opts.keep));
    this.#kept = this.#kept.filter((n) => keep.has(n));
    const entries = await fs.readdir(this.#opts.buildsDir);
    await Promise.all(
      entries
        .filter((n) => n.startsWith(PREFIX) && !keep.has(n))
        .map((n) => fs.rm(path.join(this.#opts.buildsDir, n), { recursive: true, force: true })),
    );
  }
}
