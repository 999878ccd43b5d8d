import { describe, expect, it } from 'vitest';
import { searchVocabulary } from '@stackguide/demo-content';
import { groupTerms, problemsMessage, stopWordList, vocabularyProblems } from './search-vocabulary';

const groups = (...words: string[]) => ({ synonymGroups: words.map((w) => ({ words: w })) });

describe('groupTerms and stopWordList', () => {
  it('split groups at commas and stop words at commas, spaces and new lines, tidying spaces', () => {
    expect(groupTerms(' JS ,javascript,, work   from home ')).toEqual(['JS', 'javascript', 'work from home']);
    expect(stopWordList('the, a\nan  of')).toEqual(['the', 'a', 'an', 'of']);
    expect(groupTerms(null)).toEqual([]);
  });
});

describe('vocabularyProblems', () => {
  it('accepts the seeded vocabulary', () => {
    expect(vocabularyProblems({ ...groups(...searchVocabulary.synonymGroups), stopWords: searchVocabulary.stopWords.join(' ') })).toEqual(
      [],
    );
  });

  it('refuses an empty group and a group of one word', () => {
    expect(vocabularyProblems(groups('js, javascript', ' , '))).toEqual([expect.stringContaining('Synonym group 2 is empty')]);
    expect(vocabularyProblems(groups('kotlin'))).toEqual([expect.stringContaining('only one word ("kotlin")')]);
  });

  it('refuses a group of 1,000 words', () => {
    const huge = Array.from({ length: 1000 }, (_, i) => `word${i}`).join(', ');
    expect(vocabularyProblems(groups(huge))).toEqual([expect.stringMatching(/has 1,000 words; a group takes at most 50/)]);
  });

  it('refuses a word twice in a group (any case) or in two groups', () => {
    expect(vocabularyProblems(groups('js, JS, javascript'))).toEqual(['Synonym group 1 lists "JS" twice.']);
    expect(vocabularyProblems(groups('js, javascript', 'ts, typescript, JS'))).toEqual([
      expect.stringContaining('"js" is in synonym groups 1 and 2'),
    ]);
  });

  it('refuses terms search cannot match: more than three words or very long', () => {
    expect(vocabularyProblems(groups('lotr, the lord of the rings'))).toEqual([expect.stringContaining('has 5 words')]);
    expect(vocabularyProblems(groups(`x, ${'y'.repeat(61)}`))).toEqual([expect.stringContaining('longer than 60 characters')]);
  });

  it('refuses a term of several words that contains a stop word (Meilisearch never matches it)', () => {
    expect(vocabularyProblems({ ...groups('wfh, work from home'), stopWords: 'from the' })).toEqual([
      expect.stringContaining('"work from home" in synonym group 1 contains the stop word "from"'),
    ]);
    expect(vocabularyProblems({ ...groups('wfh, work from home'), stopWords: 'the' })).toEqual([]);
  });

  it('refuses duplicate stop words and stop words that are also synonyms', () => {
    expect(vocabularyProblems({ stopWords: 'the a The' })).toEqual(['Stop word "The" is listed twice.']);
    expect(vocabularyProblems({ ...groups('be, backend'), stopWords: 'the be' })).toEqual([
      expect.stringContaining('"be" is a stop word and in synonym group 1'),
    ]);
  });

  it('accepts an empty vocabulary', () => {
    expect(vocabularyProblems({})).toEqual([]);
    expect(vocabularyProblems({ synonymGroups: null, stopWords: null })).toEqual([]);
  });
});

describe('problemsMessage', () => {
  it('shows the first five problems and counts the rest', () => {
    const message = problemsMessage(['1.', '2.', '3.', '4.', '5.', '6.', '7.']);
    expect(message).toBe('Search settings not saved. 1. 2. 3. 4. 5. (and 2 more)');
  });
});
