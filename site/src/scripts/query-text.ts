/**
 * What to send Meilisearch for the text a visitor typed: the same words without the editors' stop
 * words. Meilisearch ignores stop words when it matches, but still counts them when it rates how
 * exactly a document matches, so a question worded around an article's title ("what does a backend
 * developer do") ranks that article no better than any other holding the same words; and it reads
 * a stop word typed last as the start of a longer word ("do" finds "docker"). When the last word
 * typed was a stop word, the words before it are complete, and the trailing space says so. A query
 * of stop words only is sent as typed.
 */
export function queryText(q: string, stopWords: ReadonlySet<string>): string {
  const words = q.trim().split(/\s+/);
  const kept = words.filter((word) => !stopWords.has(word.toLowerCase()));
  if (kept.length === 0 || kept.length === words.length) return q;
  const lastDropped = kept.at(-1) !== words.at(-1);
  return `${kept.join(' ')}${lastDropped || /\s$/.test(q) ? ' ' : ''}`;
}
