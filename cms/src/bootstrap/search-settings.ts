import type { Core } from '@strapi/strapi';
import { SEARCH_SETTING_UID } from '../search-settings-validation';
import { searchVocabulary } from '@stackguide/demo-content';

/** The seeded vocabulary as the "Search settings" entry holds it. */
const defaultVocabulary = () => ({
  synonymGroups: searchVocabulary.synonymGroups.map((words) => ({ words })),
  stopWords: searchVocabulary.stopWords.join(' '),
});

const described = `${searchVocabulary.synonymGroups.length} synonym groups, ${searchVocabulary.stopWords.length} stop words`;

/**
 * Gives a site without search settings the seeded vocabulary (also databases created before the
 * settings existed). Once the entry exists it is the editors': emptied lists stay empty.
 */
export async function ensureSearchSettings(strapi: Core.Strapi): Promise<void> {
  const documents = strapi.documents(SEARCH_SETTING_UID);
  if (await documents.findFirst({ fields: ['id'] })) return;
  await documents.create({ data: defaultVocabulary() });
  strapi.log.info(`Created the search settings: ${described}.`);
}

/**
 * Replaces the editors' vocabulary with the seeded one: an operator's explicit choice
 * (`npm run seed -w cms -- --vocabulary`), never made on start. Returns what it wrote.
 */
export async function resetSearchSettings(strapi: Core.Strapi): Promise<string> {
  const documents = strapi.documents(SEARCH_SETTING_UID);
  const current = await documents.findFirst({ fields: ['id'] });
  // Strapi's generated input types do not cover this single type's fields.
  type Data = Parameters<typeof documents.update>[0]['data'];
  if (current) await documents.update({ documentId: current.documentId, data: defaultVocabulary() as Data });
  else await documents.create({ data: defaultVocabulary() });
  return described;
}
