import type { Core } from '@strapi/strapi';
import type {
  Analytics,
  ArticleStatus,
  DeadLetter,
  Overview,
  SearchAnalytics,
  SearchDocumentState,
  SearchSyncOverview,
  SiteArticleStatus,
  SiteStatus,
} from '../shared/contracts';
import { ADMIN_ANALYTICS_PATH, ADMIN_HIDDEN_QUERY_PATH } from '@stackguide/contracts/analytics';
import { fillPath } from '@stackguide/contracts/route-path';
import { ADMIN_ROUTES } from '@stackguide/contracts/search-sync-admin';
import { SITE_STATUS_ROUTES } from '@stackguide/contracts/site-status';
import { draftSchedule } from '../../../schedule/schedule-fields';
import { scheduleFailure } from '../../../schedule/scheduler';
import { call, targets } from './upstream';

const ARTICLE = 'api::article.article';

/** Analytics cover at most this many days (what search-sync keeps). */
export const MAX_ANALYTICS_DAYS = 90;

/** Adds each dead-lettered article's title, so editors see which article failed rather than its id. */
async function withTitles(strapi: Core.Strapi, deadLetters: DeadLetter[]): Promise<(DeadLetter & { title: string | null })[]> {
  const ids = deadLetters.filter((d) => d.kind === 'article').map((d) => d.documentId);
  const found =
    ids.length === 0
      ? []
      : await strapi.documents(ARTICLE).findMany({ filters: { documentId: { $in: ids } }, fields: ['title'], status: 'draft' });
  const titles = new Map(found.map((a) => [a.documentId, String(a.title)]));
  return deadLetters.map((d) => ({ ...d, title: (d.kind === 'article' && titles.get(d.documentId)) || null }));
}

const iso = (value: unknown): string | null => (value ? new Date(value as string).toISOString() : null);

/** What the Search & site page and the article status panel show, gathered server-side. */
const status = ({ strapi }: { strapi: Core.Strapi }) => ({
  async overview(): Promise<Overview> {
    const t = targets(strapi);
    const [searchSync, site] = await Promise.all([
      call<SearchSyncOverview>(t.searchSync, 'GET', ADMIN_ROUTES.overview),
      call<SiteStatus>(t.site, 'GET', SITE_STATUS_ROUTES.builds),
    ]);
    if (!searchSync.ok) return { searchSync, site };
    return {
      searchSync: { ok: true, data: { ...searchSync.data, deadLetters: await withTitles(strapi, searchSync.data.deadLetters) } },
      site,
    };
  },

  /** Search analytics of the last `days` days; `data` is null while search-sync collects none. */
  async analytics(days: number): Promise<Analytics> {
    const answer = await call<SearchAnalytics>(targets(strapi).searchSync, 'GET', `${ADMIN_ANALYTICS_PATH}?days=${days}`);
    return !answer.ok && answer.status === 404 ? { ok: true, data: null } : answer;
  },

  async article(documentId: string): Promise<ArticleStatus> {
    const t = targets(strapi);
    const [published, schedule, search, site] = await Promise.all([
      strapi.documents(ARTICLE).findOne({ documentId, status: 'published', fields: ['updatedAt'] }),
      draftSchedule(strapi, documentId),
      call<SearchDocumentState>(t.searchSync, 'GET', fillPath(ADMIN_ROUTES.document, documentId)),
      call<SiteArticleStatus>(t.site, 'GET', fillPath(SITE_STATUS_ROUTES.article, documentId)),
    ]);
    return {
      publishedUpdatedAt: iso(published?.updatedAt),
      schedule: { publishAt: iso(schedule.publishAt), unpublishAt: iso(schedule.unpublishAt), failure: scheduleFailure(documentId) },
      search,
      site,
    };
  },

  reindex: () => call<unknown>(targets(strapi).searchSync, 'POST', ADMIN_ROUTES.reindex),
  retry: (id: string) => call<unknown>(targets(strapi).searchSync, 'POST', fillPath(ADMIN_ROUTES.retry, id)),
  discard: (id: string) => call<unknown>(targets(strapi).searchSync, 'DELETE', fillPath(ADMIN_ROUTES.deadLetter, id)),
  /** Hides a query from the popular searches and the analytics lists, or shows it again. */
  setHidden: (query: string, hidden: boolean) =>
    call<unknown>(targets(strapi).searchSync, hidden ? 'PUT' : 'DELETE', fillPath(ADMIN_HIDDEN_QUERY_PATH, query)),
});

export type StatusService = ReturnType<typeof status>;
export default status;
