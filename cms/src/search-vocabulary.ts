/**
 * Rules for the search vocabulary editors keep in "Search settings": synonym groups (words
 * separated by commas) and stop words (separated by commas, spaces or new lines). search-sync turns
 * the saved entry into Meilisearch's `synonyms` and `stopWords`; these rules keep out what
 * Meilisearch would silently ignore or what makes the result ambiguous.
 */

/** Meilisearch keeps at most 50 synonyms per term (https://www.meilisearch.com/docs/learn/relevancy/synonyms). */
export const MAX_GROUP_WORDS = 50;
/** Meilisearch only looks up synonyms of terms of one to three words (meilisearch/documentation#2676). */
export const MAX_TERM_WORDS = 3;
export const MAX_TERM_CHARS = 60;
export const MAX_STOP_WORDS = 1000;
/** The error lists this many problems; the rest are counted. */
const SHOWN_PROBLEMS = 5;

export type SynonymGroupInput = { words?: string | null };
export type VocabularyInput = { synonymGroups?: SynonymGroupInput[] | null; stopWords?: string | null };

const normal = (word: string) => word.trim().replace(/\s+/g, ' ');
const same = (word: string) => word.toLowerCase();

/** The terms of one group, as typed: split at commas, spaces tidied, empty entries dropped. */
export function groupTerms(words: string | null | undefined): string[] {
  return (words ?? '').split(',').map(normal).filter(Boolean);
}

/** Stop words as typed: separated by commas, spaces or new lines. */
export function stopWordList(text: string | null | undefined): string[] {
  return (text ?? '').split(/[\s,]+/).filter(Boolean);
}

function groupProblems(terms: string[], n: number): string[] {
  if (terms.length === 0)
    return [`Synonym group ${n} is empty: list at least two words that mean the same, separated by commas, or remove the group.`];
  if (terms.length === 1)
    return [`Synonym group ${n} has only one word ("${terms[0]}"): add the words that mean the same, separated by commas.`];
  if (terms.length > MAX_GROUP_WORDS) {
    return [
      `Synonym group ${n} has ${terms.length.toLocaleString('en')} words; a group takes at most ${MAX_GROUP_WORDS}. Keep only words that really mean the same thing.`,
    ];
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const term of terms) {
    const words = term.split(' ').length;
    if (words > MAX_TERM_WORDS)
      problems.push(`"${term}" in synonym group ${n} has ${words} words; search only matches synonyms of up to ${MAX_TERM_WORDS} words.`);
    else if (term.length > MAX_TERM_CHARS)
      problems.push(`"${term.slice(0, 30)}…" in synonym group ${n} is longer than ${MAX_TERM_CHARS} characters.`);
    if (seen.has(same(term))) problems.push(`Synonym group ${n} lists "${term}" twice.`);
    seen.add(same(term));
  }
  return problems;
}

/**
 * Everything wrong with a vocabulary, each as a sentence an editor can act on (groups are counted
 * from 1, as the admin shows them); empty when it can be applied.
 */
export function vocabularyProblems(input: VocabularyInput): string[] {
  const groups = (input.synonymGroups ?? []).map((g) => groupTerms(g.words));
  const problems = groups.flatMap((terms, i) => groupProblems(terms, i + 1));
  const groupOf = new Map<string, number>();
  groups.forEach((terms, i) => {
    for (const term of new Set(terms.map(same))) {
      const first = groupOf.get(term);
      if (first === undefined) groupOf.set(term, i + 1);
      else
        problems.push(
          `"${term}" is in synonym groups ${first} and ${i + 1}; a word can be in one group only. Merge the two groups or remove it from one.`,
        );
    }
  });
  const stopWords = stopWordList(input.stopWords);
  const stopSet = new Set(stopWords.map(same));
  groups.forEach((terms, i) => {
    for (const term of terms) {
      const stop = term.split(/[\s-]+/).find((word) => term.includes(' ') && stopSet.has(same(word)));
      if (stop)
        problems.push(
          `"${term}" in synonym group ${i + 1} contains the stop word "${stop}", so search never matches it. Leave the term out, or take "${stop}" off the stop words.`,
        );
    }
  });
  if (stopWords.length > MAX_STOP_WORDS)
    problems.push(
      `There are ${stopWords.length.toLocaleString('en')} stop words; at most ${MAX_STOP_WORDS.toLocaleString('en')} are allowed.`,
    );
  const seenStop = new Set<string>();
  for (const word of stopWords) {
    if (seenStop.has(same(word))) problems.push(`Stop word "${word}" is listed twice.`);
    seenStop.add(same(word));
    const group = groupOf.get(same(word));
    if (group !== undefined)
      problems.push(
        `"${word}" is a stop word and in synonym group ${group}: stop words are never searched, so its synonyms would not apply. Remove it from one of them.`,
      );
  }
  return problems;
}

/** One message for the admin: the first few problems, then how many more there are. */
export function problemsMessage(problems: string[]): string {
  const more = problems.length - SHOWN_PROBLEMS;
  return `Search settings not saved. ${problems.slice(0, SHOWN_PROBLEMS).join(' ')}${more > 0 ? ` (and ${more} more)` : ''}`;
}
