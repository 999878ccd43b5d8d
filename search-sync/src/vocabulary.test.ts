import { describe, expect, it } from 'vitest';
import { parseVocabulary, searchTerms, vocabularySettings } from './vocabulary.ts';

describe('parseVocabulary', () => {
  it('reads comma-separated groups and stop words, tidied to lower case, dropping groups of one word', () => {
    const vocabulary = parseVocabulary({
      synonymGroups: [{ words: ' JS, JavaScript ,, js ' }, { words: 'Work  from home, WFH' }, { words: 'lonely' }, { words: null }],
      stopWords: 'the, How\nDOES  the',
    });
    expect(vocabulary).toEqual({
      synonymGroups: [
        ['js', 'javascript'],
        ['work from home', 'wfh'],
      ],
      stopWords: ['the', 'how', 'does'],
    });
  });

  it('reads a missing entry as an empty vocabulary', () => {
    expect(parseVocabulary(null)).toEqual({ synonymGroups: [], stopWords: [] });
    expect(parseVocabulary({ synonymGroups: null, stopWords: null })).toEqual({ synonymGroups: [], stopWords: [] });
  });
});

describe('vocabularySettings', () => {
  it('expands each group into mutual synonyms', () => {
    const { synonyms } = vocabularySettings({ synonymGroups: [['be', 'backend', 'back end']], stopWords: [] });
    expect(synonyms).toEqual({ be: ['back end', 'backend'], backend: ['back end', 'be'], 'back end': ['backend', 'be'] });
  });

  it('merges a word that two groups share rather than dropping one group', () => {
    const { synonyms } = vocabularySettings({
      synonymGroups: [
        ['js', 'javascript'],
        ['js', 'ecmascript'],
      ],
      stopWords: [],
    });
    expect(synonyms.js).toEqual(['ecmascript', 'javascript']);
  });

  it('lists stop words in the casings readers type, since Meilisearch compares them case-sensitively', () => {
    expect(vocabularySettings({ synonymGroups: [], stopWords: ['how', 'i'] }).stopWords).toEqual(['HOW', 'How', 'I', 'how', 'i']);
  });
});

describe('searchTerms', () => {
  it('lists each word of the groups once, sorted, with the stop words', () => {
    expect(
      searchTerms({
        synonymGroups: [
          ['js', 'javascript'],
          ['wfh', 'work from home', 'js'],
        ],
        stopWords: ['the', 'how'],
      }),
    ).toEqual({
      terms: ['javascript', 'js', 'wfh', 'work from home'],
      stopWords: ['how', 'the'],
    });
  });
});
