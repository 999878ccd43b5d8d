import { MAX_QUERY_CHARS } from '@stackguide/contracts/analytics';

/** Something like an email address: a word, an @, a domain with a dot. */
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
/** Six or more digits in a row, allowing single spaces, dots, dashes or slashes between them (phone, card, account numbers). */
const LONG_NUMBER = /\d(?:[ ./-]?\d){5,}/;

/**
 * The form a query is counted under: Unicode-normalised (NFKC), lower case, control characters
 * removed, runs of white space made one space, trimmed. Null when nothing is left, when it is longer
 * than MAX_QUERY_CHARS, or when it looks like personal data (an email address or a long number):
 * such a query is never stored.
 */
export function normaliseQuery(raw: string): string | null {
  const query = raw
    .normalize('NFKC')
    .replace(/\p{Cc}/gu, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  if (!query || query.length > MAX_QUERY_CHARS) return null;
  if (EMAIL.test(query) || LONG_NUMBER.test(query)) return null;
  return query;
}
