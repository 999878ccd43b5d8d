import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { problemsMessage, type VocabularyInput, vocabularyProblems } from './search-vocabulary';

export const SEARCH_SETTING_UID = 'api::search-setting.search-setting';

/**
 * Refuses a search vocabulary search-sync could not apply as written (empty or oversized groups,
 * duplicates, stop words that are also synonyms). The admin shows the message on save; nothing is
 * stored. A partial update is checked together with the part it leaves as it is.
 */
export function registerSearchSettingsValidation(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    if (ctx.uid === SEARCH_SETTING_UID && (ctx.action === 'create' || ctx.action === 'update')) {
      const data = (ctx.params as { data?: VocabularyInput }).data;
      if (data && ('synonymGroups' in data || 'stopWords' in data)) {
        const stored = 'synonymGroups' in data && 'stopWords' in data ? null : await storedVocabulary(strapi);
        const problems = vocabularyProblems({
          synonymGroups: 'synonymGroups' in data ? data.synonymGroups : stored?.synonymGroups,
          stopWords: 'stopWords' in data ? data.stopWords : stored?.stopWords,
        });
        if (problems.length > 0) throw new errors.ValidationError(problemsMessage(problems), { problems });
      }
    }
    return next();
  });
}

async function storedVocabulary(strapi: Core.Strapi): Promise<VocabularyInput | null> {
  return (await strapi.documents(SEARCH_SETTING_UID).findFirst({ populate: ['synonymGroups'] })) as VocabularyInput | null;
}
