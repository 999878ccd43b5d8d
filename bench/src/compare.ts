import { allDocuments, type Meili } from './meili-http.ts';

export type Comparison = { published: number; indexed: number; lost: number; extra: number; stale: number; duplicated: number };

/** documentId → updatedAt (Unix seconds) of every article Strapi publishes, read through the public REST API. */
export async function publishedSet(strapiUrl: string, token: string): Promise<Map<string, number>> {
  const set = new Map<string, number>();
  for (let page = 1; ; page++) {
    const res = await fetch(`${strapiUrl}/api/articles?pagination[page]=${page}&pagination[pageSize]=100&fields[0]=updatedAt&sort=id:asc`, {
      headers: { Authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(30_000),
    });
    if (!res.ok) throw new Error(`GET ${strapiUrl}/api/articles page ${page}: HTTP ${res.status}`);
    const body = (await res.json()) as { data: { documentId: string; updatedAt: string }[]; meta: { pagination: { pageCount: number } } };
    for (const a of body.data) set.set(a.documentId, Math.floor(Date.parse(a.updatedAt) / 1000));
    if (page >= body.meta.pagination.pageCount) return set;
  }
}

/**
 * The exact published-set-vs-index comparison every drill ends with: lost (published, not in the
 * index), extra (in the index, not published), stale (older updatedAt), duplicated (one document
 * indexed more than once). `idField` names the field holding Strapi's documentId.
 */
export async function compareIndex(published: Map<string, number>, m: Meili, index: string, idField: string): Promise<Comparison> {
  const docs = await allDocuments(m, index, [idField, 'updatedAt']);
  const seen = new Map<string, number>();
  let stale = 0;
  let duplicated = 0;
  for (const doc of docs) {
    const id = String(doc[idField]);
    if (seen.has(id)) duplicated++;
    seen.set(id, Number(doc.updatedAt));
  }
  let lost = 0;
  for (const [id, updatedAt] of published) {
    const indexed = seen.get(id);
    if (indexed === undefined) lost++;
    else if (indexed < updatedAt) stale++;
  }
  const extra = [...seen.keys()].filter((id) => !published.has(id)).length;
  return { published: published.size, indexed: docs.length, lost, extra, stale, duplicated };
}
