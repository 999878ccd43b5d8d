import type { Meilisearch } from 'meilisearch';
import { EMBEDDER, type FacetName, INDEX_UID, PRIMARY_KEY, type SearchDocument } from '@stackguide/contracts/search-index';
import { type DocumentVectors, vectorField } from './document-vectors.ts';
import { indexUids, isNotFound, waitOk } from './meili.ts';

/**
 * Live changes are a handful of documents that index in milliseconds; polling their task this
 * often keeps publish-to-searchable short. Bulk waits (reindex) keep the client's 50 ms default.
 */
const LIVE_POLL_MS = 10;

/** Documents fetched by id per request: the ids travel in the URL. */
const IDS_PER_REQUEST = 100;

/** documentId → updatedAt in Unix seconds, as the index stores them. */
export type Stamps = Map<string, number>;

/** Upserts and deletes documents of one index (`articles` unless named), waiting for each task. */
export class SearchIndex<T extends { id: string; updatedAt: number } = SearchDocument> {
  constructor(
    private readonly meili: Meilisearch,
    readonly uid: string = INDEX_UID,
    /** Semantic search's vectors, written with every article; undefined: keyword search only (and every other index). */
    readonly vectors?: DocumentVectors,
  ) {}

  /**
   * Writes the documents and returns once they are searchable. With vectors it takes two tasks: the
   * documents without them, then the vectors alone, embedded in between. Meilisearch indexes a
   * document's words in a fraction of the time it takes to embed its sections and place their vectors
   * among thousands, so a publish is found by its words that much sooner; by meaning once the second
   * task is done. `present`: ids already in the index, whose documents keep their vectors meanwhile.
   * @throws MeiliTaskError when a task fails; client errors when unreachable.
   */
  async upsert(docs: T[], present: ReadonlySet<string> = new Set()): Promise<void> {
    if (docs.length === 0) return;
    const index = this.meili.index(this.uid);
    const wait = { interval: LIVE_POLL_MS };
    if (!this.vectors) {
      await waitOk(index.addDocuments(docs, { primaryKey: PRIMARY_KEY }), wait);
      return;
    }
    // Meilisearch keeps the vectors a document already has when a write leaves `_vectors` out (they
    // are marked not to be regenerated), so an edited article stays found by meaning, as it was,
    // until its new vectors land. A new document gets none: left out, Meilisearch would embed it
    // itself, holding its words back behind the embedder.
    const words = docs.map((doc) => (present.has(doc.id) ? doc : { ...doc, _vectors: vectorField() }));
    await waitOk(index.addDocuments(words, { primaryKey: PRIMARY_KEY }), wait);
    // Only the articles index is given vectors, so its documents are SearchDocuments.
    const written = await this.vectors.attach(docs as unknown as SearchDocument[]);
    const vectors = written.filter((doc) => doc._vectors[EMBEDDER].embeddings.length > 0).map(({ id, _vectors }) => ({ id, _vectors }));
    if (vectors.length === 0) return;
    try {
      // Enqueued only now: sent with the words, Meilisearch would index both tasks in one batch.
      await waitOk(index.updateDocuments(vectors, { primaryKey: PRIMARY_KEY }), wait);
    } catch (err) {
      // Their words are in, so a reconcile would find them current: only the debt brings the vectors back.
      this.vectors.owe(vectors.map(({ id }) => id));
      throw err;
    }
  }

  /** Whether the document was written without its vector (the embedder was unavailable). */
  owesVector(id: string): boolean {
    return this.vectors?.owes(id) ?? false;
  }

  /**
   * Deletes by id and returns how many documents were actually there.
   * @throws MeiliTaskError when the task fails; client errors when unreachable.
   */
  async delete(ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const task = await waitOk(this.meili.index(this.uid).deleteDocuments(ids), { interval: LIVE_POLL_MS });
    this.vectors?.forget(ids);
    return task.details?.deletedDocuments ?? ids.length;
  }

  /**
   * The documents the index holds under these ids (absent ids are left out).
   * @throws client errors when Meilisearch is unreachable.
   */
  async held(ids: string[]): Promise<Map<string, T>> {
    const out = new Map<string, T>();
    for (let i = 0; i < ids.length; i += IDS_PER_REQUEST) {
      const chunk = ids.slice(i, i + IDS_PER_REQUEST);
      const page = await this.meili.index<T>(this.uid).getDocuments({ ids: chunk, limit: chunk.length });
      for (const d of page.results) out.set(String(d.id), d);
    }
    return out;
  }

  /**
   * Every document matching a filter (on an attribute the index's settings make filterable), with
   * only `fields` when given; none when the index does not exist.
   * @throws client errors when Meilisearch is unreachable or rejects the filter.
   */
  async where(filter: string, fields?: (keyof T & string)[]): Promise<T[]> {
    const limit = 10_000;
    const out: T[] = [];
    try {
      for (let offset = 0; ; offset += limit) {
        // The client types `fields` by the document's keys, which a generic T cannot prove.
        const page = await this.meili
          .index<T>(this.uid)
          .getDocuments({ filter, fields: fields as Extract<keyof T, string>[], limit, offset });
        out.push(...page.results);
        if (page.results.length < limit) return out;
      }
    } catch (err) {
      if (isNotFound(err)) return [];
      throw err;
    }
  }

  /** (id, updatedAt) of every document in the index; empty when the index does not exist. */
  async stamps(): Promise<Stamps> {
    const out: Stamps = new Map();
    if (!(await indexUids(this.meili)).has(this.uid)) return out;
    const limit = 1000;
    for (let offset = 0; ; offset += limit) {
      const page = await this.meili.index<T>(this.uid).getDocuments({ fields: ['id', 'updatedAt'], limit, offset });
      for (const d of page.results) out.set(String(d.id), Number(d.updatedAt));
      if (page.results.length < limit) return out;
    }
  }

  /**
   * Whether `query` finds at least one article with every one of its words (typos, synonyms and stop
   * words apply as in visitors' searches), so words nothing contains cannot ride on one that finds.
   * @throws client errors when Meilisearch is unreachable or the index is missing.
   */
  async finds(query: string): Promise<boolean> {
    const { hits } = await this.meili.index(this.uid).search(query, { limit: 1, attributesToRetrieve: ['id'], matchingStrategy: 'all' });
    return hits.length > 0;
  }

  /** Ids of indexed articles whose roles (slugs) or skills (names) include one of these values. */
  async idsMatching(field: FacetName, value: string): Promise<string[]> {
    return (await this.where(`${field} = ${JSON.stringify(value)}`, ['id'])).map((d) => String(d.id));
  }
}
