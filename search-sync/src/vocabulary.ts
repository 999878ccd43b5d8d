import type { SearchSettingsEntry } from '@stackguide/contracts/entries';
import type { Meilisearch } from 'meilisearch';
import type { SearchTerms } from '@stackguide/contracts/analytics';
import { INDEX_UIDS } from '@stackguide/contracts/search-index';
import type { Logger } from './logger.ts';
import { waitOk } from './meili.ts';
import type { Enqueue } from './queue.ts';
import type { CmsReader } from './cms-reader.ts';

/** The editors' search vocabulary: groups of words that mean the same, and words queries ignore. */
export type SearchVocabulary = { synonymGroups: string[][]; stopWords: string[] };

/** The vocabulary as Meilisearch settings: the part of the index settings editors own. */
export type VocabularySettings = { synonyms: Record<string, string[]>; stopWords: string[] };

/**
 * The queue item that means "apply the vocabulary from Strapi". Always the same key, so any number
 * of saves (and the reconcile's check) coalesce into one pending item.
 */
export const VOCABULARY_ITEM: Enqueue = { kind: 'search-setting', documentId: 'search-setting' };

const tidy = (word: string) => word.trim().replace(/\s+/g, ' ').toLowerCase();

/** The vocabulary in Strapi's "Search settings" entry (none: empty). Groups of fewer than two words mean nothing and are dropped. */
export function parseVocabulary(entry: SearchSettingsEntry | null): SearchVocabulary {
  const synonymGroups = (entry?.synonymGroups ?? [])
    .map((group) => [...new Set((group.words ?? '').split(',').map(tidy).filter(Boolean))])
    .filter((group) => group.length > 1);
  const stopWords = [
    ...new Set(
      (entry?.stopWords ?? '')
        .split(/[\s,]+/)
        .map(tidy)
        .filter(Boolean),
    ),
  ];
  return { synonymGroups, stopWords };
}

const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * Meilisearch's form of the vocabulary. Each group becomes mutual synonyms (every word maps to all
 * the others). Stop words are listed in the casings readers type (how, How, HOW) because
 * Meilisearch compares stop words case-sensitively (meilisearch/documentation#3651): "How" would
 * otherwise be searched as a word, find nothing, and empty the results.
 */
export function vocabularySettings(vocabulary: SearchVocabulary): VocabularySettings {
  const synonyms: Record<string, Set<string>> = {};
  for (const group of vocabulary.synonymGroups) {
    for (const word of group) {
      synonyms[word] ??= new Set();
      for (const other of group) if (other !== word) synonyms[word].add(other);
    }
  }
  const stopWords = new Set(vocabulary.stopWords.flatMap((w) => [w, capitalized(w), w.toUpperCase()]));
  return {
    synonyms: Object.fromEntries(Object.entries(synonyms).map(([word, others]) => [word, [...others].sort()])),
    stopWords: [...stopWords].sort(),
  };
}

const canonical = (settings: Partial<VocabularySettings>) =>
  JSON.stringify({
    synonyms: Object.entries(settings.synonyms ?? {})
      .map(([word, others]) => [word, [...others].sort()])
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
    stopWords: [...(settings.stopWords ?? [])].sort(),
  });

/**
 * What browsers may know of the vocabulary (`GET /search-terms`): every word of the synonym groups
 * and the stop words, for "did you mean" on a search that found nothing.
 */
export function searchTerms(vocabulary: SearchVocabulary): SearchTerms {
  return { terms: [...new Set(vocabulary.synonymGroups.flat())].sort(), stopWords: [...vocabulary.stopWords].sort() };
}

/**
 * The editors' vocabulary as Strapi holds it now.
 * @throws StrapiError when the settings cannot be read.
 */
export async function readVocabulary(strapi: CmsReader): Promise<SearchVocabulary> {
  return parseVocabulary(await strapi.getSearchSettings());
}

/**
 * Reads the vocabulary from Strapi and applies it to every index (waiting for each task), except
 * those that already have exactly that vocabulary; `onRead` gets the vocabulary read either way.
 * Returns whether it changed anything.
 * @throws StrapiError when the settings cannot be read; Meilisearch errors when they cannot be applied.
 */
export async function applyVocabulary(deps: {
  meili: Meilisearch;
  strapi: CmsReader;
  log: Logger;
  onRead?: (vocabulary: SearchVocabulary) => void;
}): Promise<boolean> {
  const vocabulary = await readVocabulary(deps.strapi);
  deps.onRead?.(vocabulary);
  const wanted = vocabularySettings(vocabulary);
  let changed = false;
  for (const uid of INDEX_UIDS) {
    const index = deps.meili.index(uid);
    const [synonyms, stopWords] = await Promise.all([index.getSynonyms(), index.getStopWords()]);
    if (canonical({ synonyms: synonyms ?? {}, stopWords: stopWords ?? [] }) === canonical(wanted)) continue;
    await waitOk(index.updateSettings(wanted));
    changed = true;
    deps.log.info(
      { index: uid, synonymTerms: Object.keys(wanted.synonyms).length, stopWords: wanted.stopWords.length },
      'applied the search vocabulary',
    );
  }
  return changed;
}
