export type Row = { part: string; url: string; note?: string };

/** A plain-text table, columns padded to their widest cell, framed so it stands out among the logs. */
export function renderTable(title: string, rows: Row[]): string {
  const header: Row = { part: 'Part', url: 'URL', note: 'Notes' };
  const all = [header, ...rows];
  const partWidth = Math.max(...all.map((row) => row.part.length));
  const urlWidth = Math.max(...all.map((row) => row.url.length));
  const lines = all.map((row) => `${row.part.padEnd(partWidth)}   ${row.url.padEnd(urlWidth)}   ${row.note ?? ''}`.trimEnd());
  const width = Math.max(title.length, ...lines.map((line) => line.length));
  const rule = '─'.repeat(width);
  const body = ['', rule, title, rule, lines[0], rule, ...lines.slice(1), rule, ''].map((line) => `  ${line ?? ''}`.trimEnd());
  return `${body.join('\n')}\n`;
}

export type Announcement = {
  strapiUrl: string;
  siteUrl: string;
  /** Where the site server answers the admin's draft previews (PREVIEW_URL, else the site). */
  previewUrl: string;
  searchSyncUrl: string;
  meiliUrl: string;
  /** The embedder's URL; undefined when semantic search is off. */
  embedderUrl?: string;
  adminEmail: string;
  envFile: string;
  logsDir: string;
};

/** The table a user sees once everything is up. */
export function announcement(a: Announcement): string {
  return renderTable('Stackguide is running. Press Ctrl-C to stop everything.', [
    { part: 'Admin', url: `${a.strapiUrl}/admin`, note: `log in as ${a.adminEmail}, password: ADMIN_PASSWORD in ${a.envFile}` },
    { part: 'API', url: `${a.strapiUrl}/api`, note: 'e.g. /api/articles' },
    { part: 'Site', url: a.siteUrl, note: 'rebuilt automatically when content changes' },
    { part: 'Preview', url: `${a.previewUrl}/__preview/`, note: "drafts as pages: the admin's Open preview (signed links, 10 min)" },
    { part: 'Search-sync', url: `${a.searchSyncUrl}/status`, note: 'index sync status' },
    { part: 'Meilisearch', url: a.meiliUrl, note: 'master key: MEILI_MASTER_KEY in .env (never give it to a browser)' },
    ...(a.embedderUrl
      ? [{ part: 'Embedder', url: `${a.embedderUrl}/health`, note: 'semantic search: texts to vectors for Meilisearch' }]
      : []),
    { part: 'Logs', url: a.logsDir, note: 'one file per part' },
  ]);
}
