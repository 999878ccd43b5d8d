import { describe, expect, it } from 'vitest';
import type { ArticleStatus, SearchDocumentState, SiteArticleStatus } from '../../shared/contracts';
import { clock } from './format';
import { scheduleLines, searchLine, siteLine } from './status-text';

const PUBLISHED = '2026-03-02T10:41:07.412Z';
const NOW = Date.parse('2026-03-02T10:41:10.000Z');
const BUILD = '2026-03-02T10:42:30.000Z';

function status(
  search: Partial<SearchDocumentState> | string,
  site: Partial<SiteArticleStatus> | string,
  publishedUpdatedAt: string | null = PUBLISHED,
): ArticleStatus {
  return {
    publishedUpdatedAt,
    schedule: { publishAt: null, unpublishAt: null, failure: null },
    search:
      typeof search === 'string'
        ? { ok: false, status: null, error: search }
        : { ok: true, data: { state: 'absent', indexedUpdatedAt: null, queuedSince: null, error: null, ...search } },
    site:
      typeof site === 'string'
        ? { ok: false, status: null, error: site }
        : { ok: true, data: { inBuild: false, updatedAt: null, buildFinishedAt: null, ...site } },
  };
}

describe('article status panel lines', () => {
  it('says how long ago the version in search was updated, to the second the index keeps', () => {
    expect(searchLine(status({ state: 'indexed', indexedUpdatedAt: '2026-03-02T10:41:07.000Z' }, {}), NOW)).toEqual({
      tone: 'success',
      text: 'In search: updated 3 s ago',
    });
    expect(searchLine(status({ state: 'indexed', indexedUpdatedAt: '2026-03-02T10:00:00.000Z' }, {}), NOW).tone).toBe('warning');
  });

  it('names a queued change, a failure with its reason, and a draft', () => {
    expect(searchLine(status({ state: 'queued', queuedSince: PUBLISHED }, {}), NOW)).toEqual({ tone: 'warning', text: 'Queued' });
    expect(searchLine(status({ state: 'queued', error: 'StrapiError: 503' }, {}), NOW).text).toBe(
      'Queued (last try failed: StrapiError: 503)',
    );
    expect(searchLine(status({ state: 'failed', error: 'StrapiError: 403 Forbidden' }, {}), NOW)).toEqual({
      tone: 'danger',
      text: 'Failed: StrapiError: 403 Forbidden',
    });
    // A draft's save is checked by search-sync too: while that check waits, it is still just a draft.
    expect(searchLine(status({ state: 'queued' }, {}, null), NOW)).toEqual({ tone: 'neutral', text: 'Not in search (draft)' });
    expect(searchLine(status({ state: 'indexed', indexedUpdatedAt: PUBLISHED }, {}, null), NOW).text).toBe('Leaving search (unpublished)');
    expect(searchLine(status({ state: 'absent' }, {}), NOW).text).toBe('Not in search yet');
  });

  it('says which build put the current version on the site, or that it waits for the next one', () => {
    expect(siteLine(status({}, { inBuild: true, updatedAt: PUBLISHED, buildFinishedAt: BUILD }))).toEqual({
      tone: 'success',
      text: `On the site: since build of ${clock(BUILD)}`,
    });
    expect(clock(BUILD)).toMatch(/^\d\d:\d\d$/);
    expect(siteLine(status({}, { inBuild: true, updatedAt: '2026-03-01T08:00:00.000Z', buildFinishedAt: BUILD })).text).toBe(
      'Waiting for the next build',
    );
    expect(siteLine(status({}, { inBuild: false }))).toEqual({ tone: 'warning', text: 'Waiting for the next build' });
    expect(siteLine(status({}, { inBuild: false }, null)).text).toBe('Not on the site (draft)');
  });

  it('passes on why a status is unavailable', () => {
    const down = status(
      'search-sync is unreachable at http://127.0.0.1:7710/admin/documents/x',
      'the site server is not configured: set BUILD_HOOK_SECRET and SITE_BUILD_HOOK_URL in .env',
    );
    expect(searchLine(down, NOW).text).toBe(
      'Search status unavailable: search-sync is unreachable at http://127.0.0.1:7710/admin/documents/x',
    );
    expect(siteLine(down).text).toMatch(/^Site status unavailable: the site server is not configured/);
  });

  it("names the saved schedule in the editor's time zone, and why a due one failed", () => {
    // Local times, so the expectation holds in any time zone the tests run in.
    const publishAt = new Date(2026, 11, 6, 14, 0).toISOString();
    const unpublishAt = new Date(2026, 11, 7, 9, 0).toISOString();
    const december = new Date(2026, 11, 1).getTime();
    const none = { publishAt: null, unpublishAt: null, failure: null };
    expect(scheduleLines(none, december, 'en-GB')).toEqual([]);
    expect(scheduleLines({ ...none, publishAt, unpublishAt }, december, 'en-GB')).toEqual([
      { tone: 'neutral', text: 'Scheduled for 6 Dec, 14:00' },
      { tone: 'neutral', text: 'Unpublishes 7 Dec, 09:00' },
    ]);
    expect(scheduleLines({ ...none, publishAt }, new Date(2025, 11, 1).getTime(), 'en-GB')).toEqual([
      { tone: 'neutral', text: 'Scheduled for 6 Dec 2026, 14:00' },
    ]);
    const failure = 'excerpt must be at least 20 characters';
    expect(scheduleLines({ ...none, publishAt, failure }, new Date(2026, 11, 6, 14, 1).getTime(), 'en-GB')).toEqual([
      { tone: 'danger', text: 'Scheduled for 6 Dec, 14:00: failed (excerpt must be at least 20 characters); tried again at every check' },
    ]);
  });
});
