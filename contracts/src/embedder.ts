import { z } from 'zod';

/**
 * The embedder's HTTP contract: what search-sync sends for documents and Meilisearch's `rest`
 * embedder sends for queries (its request and response templates in search-index.ts follow it).
 * Every route but /health wants `Authorization: Bearer <EMBEDDER_API_KEY>`.
 */
export const EMBED_PATH = '/embed';
/** The model the embedder runs; a cached vector is only valid for the model that made it. */
export const EMBEDDING_MODEL = 'sentence-transformers/all-MiniLM-L6-v2';
/** Length of its vectors. */
export const EMBEDDING_DIMENSIONS = 384;
export const EMBEDDER_HEALTH_PATH = '/health';

/**
 * The text an article's vector is made from: what the article is about, in its own words (the
 * index's `documentTemplate` names the same). Whatever compares models or caches vectors embeds this.
 */
export function embeddingText(doc: { title: string; excerpt: string }): string {
  return doc.excerpt ? `${doc.title}. ${doc.excerpt}` : doc.title;
}

/** Texts one request may carry (413 past it); Meilisearch sends at most 10. */
export const MAX_TEXTS_PER_REQUEST = 64;
/** Largest request body the embedder reads (413 past it). */
export const MAX_EMBED_BODY_BYTES = 2 * 1024 * 1024;

/** `POST /embed` body: the texts, one vector each comes back in the same order. */
export const embedRequestSchema = z.object({ input: z.array(z.string()).min(1) });
export type EmbedRequest = z.infer<typeof embedRequestSchema>;

/** `POST /embed` answer. */
export const embedResponseSchema = z.object({ embeddings: z.array(z.array(z.number())) });
export type EmbedResponse = z.infer<typeof embedResponseSchema>;

/** `GET /health` answer: which model answers and the length of its vectors. */
export const embedderHealthSchema = z.object({
  status: z.literal('ok'),
  model: z.string(),
  dimensions: z.number().int(),
  queued: z.number().int(),
});
export type EmbedderHealth = z.infer<typeof embedderHealthSchema>;
