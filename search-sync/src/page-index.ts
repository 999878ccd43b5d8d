import { isDeepStrictEqual } from 'node:util';
import type { Meilisearch } from 'meilisearch';
import type { SalaryDocument } from '@stackguide/contracts/salary-index';
import { PAGES_INDEX_UID, type PageDocument, SALARIES_INDEX_UID } from '@stackguide/contracts/search-index';
import { SearchIndex } from './search-index.ts';
import { type PageDocuments, type PageKind, pageId } from './page-documents.ts';

/** What one write changed in the indexes. */
export type PageChanges = { upserted: number; deleted: number };

/** Documents of `wanted` the index does not hold as they are, and held ids `wanted` lacks. */
function diff<T extends { id: string }>(held: Iterable<T>, wanted: T[]): { upserts: T[]; deletes: string[] } {
  const byId = new Map([...held].map((doc) => [doc.id, doc]));
  const wantedIds = new Set(wanted.map((doc) => doc.id));
  return {
    upserts: wanted.filter((doc) => !isDeepStrictEqual(byId.get(doc.id), doc)),
    deletes: [...byId.keys()].filter((id) => !wantedIds.has(id)),
  };
}

/** The role and skill pages (`pages`) and the roles' salary bands (`salaries`). */
export class PageIndexes {
  readonly pages: SearchIndex<PageDocument>;
  readonly salaries: SearchIndex<SalaryDocument>;

  constructor(meili: Meilisearch) {
    this.pages = new SearchIndex<PageDocument>(meili, PAGES_INDEX_UID);
    this.salaries = new SearchIndex<SalaryDocument>(meili, SALARIES_INDEX_UID);
  }

  /**
   * Makes the indexes hold exactly `wanted` for these roles or skills, `wanted` being what the CMS
   * publishes of them now: what differs is written, what they no longer have is deleted (everything
   * of one that is gone), and documents already as wanted are left alone.
   * @throws MeiliTaskError when a task fails; client errors when Meilisearch is unreachable.
   */
  async apply(kind: PageKind, documentIds: string[], wanted: PageDocuments): Promise<PageChanges> {
    const ids = documentIds.map((id) => JSON.stringify(id)).join(', ');
    const [pages, salaries] = await Promise.all([
      this.pages.held(documentIds.map((id) => pageId(kind, id))),
      kind === 'role' ? this.salaries.where(`documentId IN [${ids}]`) : [],
    ]);
    const pageDiff = diff(pages.values(), wanted.pages);
    const salaryDiff = diff(salaries, wanted.salaries);
    await Promise.all([this.pages.upsert(pageDiff.upserts), this.salaries.upsert(salaryDiff.upserts)]);
    const deleted = await Promise.all([this.pages.delete(pageDiff.deletes), this.salaries.delete(salaryDiff.deletes)]);
    return { upserted: pageDiff.upserts.length + salaryDiff.upserts.length, deleted: deleted[0] + deleted[1] };
  }
}
