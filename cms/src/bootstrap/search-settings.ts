import type { Core } from '@strapi/strapi';
import { SEARCH_SETTING_UID } from '../search-settings-validation';
import { searchVocabulary } from '@stackguide/demo-content';

/**
 * Gives a site without search settings the seeded vocabulary (also databases created before the
 * settings existed). Once the entry exists it is the editors': emptied lists stay empty.
 */
export async function ensureSearchSettings(strapi: Core.Strapi): Promise<void> {
  const documents = strapi.documents(SEARCH_SETTING_UID);
  if (await documents.findFirst({ fields: ['id'] })) return;
  await documents.create({
    data: {
      synonymGroups: searchVocabulary.synonymGroups.map((words) => ({ words })),
      stopWords: searchVocabulary.stopWords.join(' '),
    },
  });
  strapi.log.info(
    `Created the search settings: ${searchVocabulary.synonymGroups.length} synonym groups, ${searchVocabulary.stopWords.length} stop words.`,
  );
}
