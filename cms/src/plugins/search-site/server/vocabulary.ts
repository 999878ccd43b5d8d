import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SEARCH_SETTING_UID } from '../../../search-settings-validation';
import type { AddSynonym, SynonymGroups } from '../shared/contracts';

type Settings = { documentId: string; synonymGroups?: { words?: string | null }[] | null };

/** A request the vocabulary cannot take as it is; `status` is the HTTP status to answer with. */
export class VocabularyRequestError extends Error {
  override name = 'VocabularyRequestError';
  constructor(
    message: string,
    readonly status: 400 | 409,
  ) {
    super(message);
  }
}

const MAX_TEXT = 200;
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0 && value.length <= MAX_TEXT;
const tidy = (term: string) => term.trim().replace(/\s+/g, ' ');

/** The request body as an AddSynonym, or a 400 naming what is wrong. */
export function parseAddSynonym(body: unknown): AddSynonym {
  const b = (body ?? {}) as Record<string, unknown>;
  if (!isText(b.query)) throw new VocabularyRequestError(`query must be the searched words (1 to ${MAX_TEXT} characters)`, 400);
  const group = b.group as Record<string, unknown> | undefined;
  if (group !== undefined) {
    if (!Number.isInteger(group.index) || (group.index as number) < 1 || typeof group.words !== 'string')
      throw new VocabularyRequestError('group must be { index: the group number from 1, words: its words as shown }', 400);
    return { query: b.query, group: { index: group.index as number, words: group.words } };
  }
  if (!isText(b.word)) throw new VocabularyRequestError('pick a synonym group, or give another word to start a new one with', 400);
  return { query: b.query, word: b.word };
}

async function settings(strapi: Core.Strapi): Promise<Settings> {
  const found = (await strapi.documents(SEARCH_SETTING_UID).findFirst({ populate: ['synonymGroups'] })) as Settings | null;
  if (!found)
    throw new VocabularyRequestError('There are no search settings yet: open Content Manager → Search settings and save them once.', 409);
  return found;
}

/** The synonym groups as saved. */
export async function synonymGroups(strapi: Core.Strapi): Promise<SynonymGroups> {
  return { groups: ((await settings(strapi)).synonymGroups ?? []).map((g) => g.words ?? '') };
}

/**
 * Adds the query to a synonym group, or starts a group of it and another word, and saves the
 * vocabulary through the Document Service like a save in the Content Manager: the same validation
 * refuses it with the same message (a Strapi ValidationError), and the same webhook brings it to search.
 * @returns the words of the group as saved.
 * @throws VocabularyRequestError when the group is not (any more) the one the editor picked.
 */
export async function addSynonym(strapi: Core.Strapi, request: AddSynonym): Promise<{ index: number; words: string }> {
  const current = await settings(strapi);
  const groups = (current.synonymGroups ?? []).map((g) => ({ words: g.words ?? '' }));
  const term = tidy(request.query);
  let index: number;
  if ('group' in request) {
    index = request.group.index;
    const group = groups[index - 1];
    if (!group || group.words !== request.group.words)
      throw new VocabularyRequestError('The synonym groups changed since this list was loaded: open "Add as synonym…" again.', 409);
    group.words = `${group.words.replace(/[\s,]+$/, '')}, ${term}`;
  } else {
    groups.push({ words: `${tidy(request.word)}, ${term}` });
    index = groups.length;
  }
  // Strapi types a single type's fields from generated types, which this project does not generate.
  const data: Record<string, unknown> = { synonymGroups: groups };
  await strapi.documents(SEARCH_SETTING_UID).update({ documentId: current.documentId, data });
  return { index, words: groups[index - 1]!.words };
}

export const isValidationError = (err: unknown): err is Error => err instanceof errors.ValidationError;
