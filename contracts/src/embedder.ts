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
 * The text of an article's whole vector: what the article is about, in its own words. Its title,
 * excerpt and section headings (the outline a reader skims), each made a sentence: the headings name
 * topics a question may ask about without the title's words (bench: `relevance` on both corpora).
 * The embedders bench compares models on it.
 */
export function embeddingText(doc: { title: string; excerpt: string; sections?: readonly { heading: string }[] }): string {
  const lines = [doc.title, doc.excerpt, ...(doc.sections ?? []).map((s) => s.heading)].map((line) => line.trim());
  return lines
    .filter((line) => line.length > 0)
    .map((line) => (/[.!?:]$/.test(line) ? line : `${line}.`))
    .join(' ');
}

/** Parts of one article embedded besides its whole, at most: bounds what a very long article costs. */
export const MAX_EMBEDDED_PARTS = 16;

/** What `embeddingTexts` reads of an article (a SearchDocument has it). */
export type EmbeddedArticle = { title: string; excerpt: string; content: string; sections: { heading: string; text: string }[] };

/**
 * Every text of an article that is embedded, each cached by its hash: the whole (`embeddingText`)
 * first, then its parts, the body before the first heading and each section as heading and text.
 * An edit re-embeds only the parts it changed.
 */
export function embeddingTexts(doc: EmbeddedArticle): string[] {
  const parts = [doc.content, ...doc.sections.map((s) => (s.text ? `${s.heading}. ${s.text}` : s.heading))];
  return [embeddingText(doc), ...parts.filter((p) => p.trim().length > 0).slice(0, MAX_EMBEDDED_PARTS)];
}

/** Share of the whole article's vector in each part's vector (bench: `relevance` on both corpora). */
export const WHOLE_SHARE = 0.6;

const unit = (v: readonly number[]) => {
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
};

/**
 * The vectors an article is indexed with, from those of `embeddingTexts` (whole first): the whole,
 * then each part blended with the whole. Meilisearch ranks a document by its nearest vector, so a
 * query phrased like one section finds the article, while the whole's share keeps a section that
 * merely touches a topic from outranking an article about it. All unit length.
 */
export function articleVectors([whole, ...parts]: readonly (readonly number[])[]): number[][] {
  if (!whole) return [];
  const w = unit(whole);
  return [w, ...parts.map((p) => unit(unit(p).map((x, j) => WHOLE_SHARE * w[j]! + (1 - WHOLE_SHARE) * x)))];
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
