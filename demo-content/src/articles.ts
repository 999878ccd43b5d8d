import { articlesPart1 } from './articles-1.ts';
import { articlesPart2 } from './articles-2.ts';
import { articlesPart3 } from './articles-3.ts';
import { articlesPart4 } from './articles-4.ts';
import { drafts } from './drafts.ts';
import type { SeedArticle } from './types.ts';

/** Every seed article: the published set (newest first by publishedDaysAgo) followed by the two drafts. */
export const articles: SeedArticle[] = [...articlesPart1, ...articlesPart2, ...articlesPart3, ...articlesPart4, ...drafts];
