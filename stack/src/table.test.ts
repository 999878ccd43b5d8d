import { describe, expect, it } from 'vitest';
import { announcement, renderTable } from './table.ts';

describe('renderTable', () => {
  it('aligns columns to the widest cell', () => {
    const text = renderTable('Title', [
      { part: 'A', url: 'http://a', note: 'first' },
      { part: 'Longer', url: 'http://b' },
    ]);
    const lines = text.split('\n');
    expect(lines).toContain('  A        http://a   first');
    expect(lines).toContain('  Longer   http://b');
  });
});

describe('announcement', () => {
  it('lists admin (with how to log in), API, site, preview, search-sync status and Meilisearch', () => {
    const text = announcement({
      strapiUrl: 'http://127.0.0.1:1337',
      siteUrl: 'http://127.0.0.1:4321',
      previewUrl: 'http://127.0.0.1:4321',
      searchSyncUrl: 'http://127.0.0.1:7710',
      meiliUrl: 'http://127.0.0.1:7700',
      adminEmail: 'admin@stackguide.local',
      envFile: '/repo/.env',
      logsDir: '/repo/.data/logs',
    });
    expect(text).toMatch(
      /Admin +http:\/\/127\.0\.0\.1:1337\/admin +log in as admin@stackguide\.local, password: ADMIN_PASSWORD in \/repo\/\.env/,
    );
    expect(text).toMatch(/API +http:\/\/127\.0\.0\.1:1337\/api/);
    expect(text).toMatch(/Site +http:\/\/127\.0\.0\.1:4321/);
    expect(text).toMatch(/Preview +http:\/\/127\.0\.0\.1:4321\/__preview\/ +drafts as pages/);
    expect(text).toMatch(/Search-sync +http:\/\/127\.0\.0\.1:7710\/status/);
    expect(text).toMatch(/Meilisearch +http:\/\/127\.0\.0\.1:7700/);
    expect(text).not.toContain('Embedder');
  });

  it('lists the embedder when semantic search is on', () => {
    const text = announcement({
      strapiUrl: 'http://127.0.0.1:1337',
      siteUrl: 'http://127.0.0.1:4321',
      previewUrl: 'http://127.0.0.1:4321',
      searchSyncUrl: 'http://127.0.0.1:7710',
      meiliUrl: 'http://127.0.0.1:7700',
      embedderUrl: 'http://127.0.0.1:7997',
      adminEmail: 'admin@stackguide.local',
      envFile: '/repo/.env',
      logsDir: '/repo/.data/logs',
    });
    expect(text).toMatch(/Embedder +http:\/\/127\.0\.0\.1:7997\/health +semantic search/);
  });
});
