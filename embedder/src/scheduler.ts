/** The queue is full; the caller should answer 503 so the client retries later. */
export class QueueFullError extends Error {
  override name = 'QueueFullError';
}

type Job = {
  texts: string[];
  signal?: AbortSignal;
  resolve(vectors: Float32Array[]): void;
  reject(err: unknown): void;
};

/**
 * Runs embedding jobs one at a time on one model (onnxruntime uses every thread it was given for
 * each run, and blocks the event loop while it computes). A job of one text — a search query from
 * Meilisearch — goes before jobs of several, which are documents being indexed, so a reindex delays
 * a visitor's query by at most the batch being computed. At most `maxQueued` jobs wait; a job whose
 * caller went away (its signal aborted) is dropped unrun.
 */
export class Scheduler {
  private readonly queries: Job[] = [];
  private readonly batches: Job[] = [];
  private busy = false;

  constructor(
    private readonly run: (texts: string[]) => Promise<Float32Array[]>,
    private readonly maxQueued: number,
  ) {}

  /** Jobs waiting, not counting the one running. */
  get queued(): number {
    return this.queries.length + this.batches.length;
  }

  /**
   * Queues texts for embedding; resolves with one vector per text.
   * @throws QueueFullError (as a rejection) when `maxQueued` jobs already wait; the signal's reason when aborted first.
   */
  embed(texts: string[], signal?: AbortSignal): Promise<Float32Array[]> {
    if (this.queued >= this.maxQueued) return Promise.reject(new QueueFullError(`${this.queued} requests are already waiting`));
    return new Promise((resolve, reject) => {
      (texts.length === 1 ? this.queries : this.batches).push({ texts, signal, resolve, reject });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    const job = this.queries.shift() ?? this.batches.shift();
    if (!job) return;
    if (job.signal?.aborted) {
      job.reject(job.signal.reason);
      return this.pump();
    }
    this.busy = true;
    try {
      job.resolve(await this.run(job.texts));
    } catch (err) {
      job.reject(err);
    } finally {
      this.busy = false;
    }
    // Let the finished request's answer go out before the next run blocks the event loop.
    setImmediate(() => void this.pump());
  }
}
