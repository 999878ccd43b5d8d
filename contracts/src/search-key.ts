import { z } from 'zod';

/**
 * search-sync's public route that hands out the search-only key (never the master key) and the
 * Meilisearch URL browsers use: `npm start` and the site build put both on the pages. It answers
 * 503 until search-sync has made sure the key exists.
 */
export const SEARCH_KEY_PATH = '/search-key';

export const searchKeyAnswerSchema = z.object({ indexUid: z.string().min(1), searchKey: z.string().min(1), url: z.url() });
export type SearchKeyAnswer = z.infer<typeof searchKeyAnswerSchema>;
