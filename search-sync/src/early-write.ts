import { z } from 'zod';
import type { BuildHook } from './build-hook.ts';
import { toSearchDocument } from './document.ts';
import { describeError } from './errors.ts';
import type { Logger } from './logger.ts';
import type { SearchIndex } from './meili.ts';
import type { Metrics } from './metrics.ts';
import type { StrapiArticle } from './strapi-client.ts';

const named = z.looseObject({ name: z.string(), slug: z.string() });

/**
 * What an `entry.publish` payload must hold to become a search document. Strapi reads it after the
 * publish commits, by the published row's id with every relation populated: the same state the
 * REST API returns for `status=published`.
 */
const publishedArticle = z.looseObject({
  id: z.number(),
  documentId: z.string().min(1),
  title: z.string(),
  slug: z.string().min(1),
  excerpt: z.string().nullish(),
  body: z.array(z.looseObject({ type: z.string() })).nullish(),
  updatedAt: z.string().min(1),
  publishedAt: z.string().min(1),
  roles: z.array(named).nullish(),
  skills: z.array(named).nullish(),
});

export type EarlyWriteDeps = {
  index: Pick<SearchIndex, 'upsert'>;
  metrics: Metrics;
  log: Logger;
  buildHook?: Pick<BuildHook, 'changed'>;
};

/**
 * Indexes a just-published article straight from Strapi's `entry.publish` webhook, so it becomes
 * searchable without waiting for the re-fetch from Strapi. It is only a head start: the webhook's
 * queue item is processed as always, and the processor reads the index's copy only after the early
 * write for that document has settled, so the canonical re-fetch either finds the same document
 * (nothing more to write) or replaces what a late, out-of-order payload wrote. Nothing here is
 * durable; a crash loses only the head start.
 */
export class EarlyWrites {
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(private readonly deps: EarlyWriteDeps) {}

  /**
   * Starts writing the payload's article when it is a complete published article; anything else
   * (a draft, an unexpected shape) is left to the queue. The write is registered before this returns.
   */
  offer(entry: unknown): void {
    const parsed = publishedArticle.safeParse(entry);
    if (!parsed.success) {
      this.deps.log.debug({ issues: parsed.error.issues.length }, 'publish payload is not a complete article; left to the queue');
      return;
    }
    const doc = toSearchDocument(parsed.data as StrapiArticle);
    const previous = this.inFlight.get(doc.id) ?? Promise.resolve();
    const write = previous.then(async () => {
      const started = Date.now();
      try {
        this.deps.buildHook?.changed([{ kind: 'article', documentId: doc.id }]);
        await this.deps.index.upsert([doc]);
        this.deps.metrics.earlyWrites += 1;
        this.deps.log.info({ documentId: doc.id, writeMs: Date.now() - started }, 'indexed the published payload ahead of the re-fetch');
      } catch (err) {
        this.deps.log.warn({ documentId: doc.id, err: describeError(err) }, 'early write of a published payload failed; the queue item still applies it');
      }
    });
    this.inFlight.set(doc.id, write);
    void write.then(() => {
      if (this.inFlight.get(doc.id) === write) this.inFlight.delete(doc.id);
    });
  }

  /** Resolves once every early write registered so far for these documents has finished (never rejects). */
  async settled(documentIds: string[]): Promise<void> {
    await Promise.all(documentIds.map((id) => this.inFlight.get(id)).filter((p) => p !== undefined));
  }
}
