import type { Manifest } from './manifest.ts';

const kib = (bytes: number) => `${(bytes / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} KiB`;

/** What a backup holds, in a few lines for people: per table of documents, the vocabulary, uploads, search-sync's data. */
export function describeBackup(manifest: Manifest): string[] {
  const { cms, uploads, searchSync } = manifest.counts;
  const documents = Object.entries(cms.documents).map(([table, c]) =>
    c.published === undefined || c.published === c.documents
      ? `${table} ${c.documents}`
      : `${table} ${c.documents} (${c.published} published, ${c.draftsOnly} only drafts)`,
  );
  const sync = Object.entries(searchSync).map(
    ([file, tables]) =>
      `${file} (${Object.entries(tables)
        .map(([table, rows]) => `${table} ${rows}`)
        .join(', ')})`,
  );
  return [
    `taken ${manifest.createdAt} from ${manifest.versions.database ?? manifest.database}, commit ${manifest.versions.commit ?? '?'}`,
    `CMS documents: ${documents.join(', ') || 'none'}`,
    `search vocabulary: ${cms.vocabulary.synonymGroups} synonym groups, ${cms.vocabulary.stopWords} stop words`,
    `uploads: ${uploads.files} files, ${kib(uploads.bytes)}`,
    `search-sync: ${sync.join(', ') || 'no databases'}`,
    ...manifest.warnings.map((w) => `warning: ${w}`),
  ];
}
