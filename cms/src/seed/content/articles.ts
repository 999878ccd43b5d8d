import { articlesPart1 } from './articles-1';
import { articlesPart2 } from './articles-2';
import { articlesPart3 } from './articles-3';
import { articlesPart4 } from './articles-4';
import { drafts } from './drafts';
import type { SeedArticle } from './types';

/** Every seed article: the published set (newest first by publishedDaysAgo) followed by the two drafts. */
export const articles: SeedArticle[] = [...articlesPart1, ...articlesPart2, ...articlesPart3, ...articlesPart4, ...drafts];
