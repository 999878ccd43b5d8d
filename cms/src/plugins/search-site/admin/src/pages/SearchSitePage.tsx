import { Flex, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import * as React from 'react';
import { useNavigate } from 'react-router-dom';
import type { Analytics, BrokenLinks, Overview } from '../../../shared/contracts';
import { ACTIONS, PLUGIN_ID } from '../../../shared/actions';
import { AnalyticsCard } from '../components/AnalyticsCard';
import { BrokenLinksCard } from '../components/BrokenLinksCard';
import { Unavailable } from '../components/Card';
import { DeadLettersCard } from '../components/DeadLettersCard';
import { SearchIndexCard } from '../components/SearchIndexCard';
import { SiteBuildCard } from '../components/SiteBuildCard';
import { SynonymModal } from '../components/SynonymModal';
import { errorText, useNow, usePoll } from '../use-poll';

const ANALYTICS_DAYS = 30;

function SearchSite() {
  const { get, post, put, del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC([
    { action: ACTIONS.manage, subject: null },
    { action: ACTIONS.gaps, subject: null },
  ]);
  const canManage = Boolean(allowedActions.canManage);
  const navigate = useNavigate();
  const [synonymFor, setSynonymFor] = React.useState<string | null>(null);
  const gaps = allowedActions.canGaps
    ? {
        onWrite: (query: string) =>
          navigate('/content-manager/collection-types/api::article.article/create', { state: { workingTitle: query } }),
        onSynonym: setSynonymFor,
      }
    : undefined;
  const now = useNow();
  const [busy, setBusy] = React.useState<string | null>(null);
  const [reindexRunning, setReindexRunning] = React.useState(false);
  // Faster while a reindex runs, so its progress moves as it happens.
  const overview = usePoll(async () => (await get<Overview>(`/${PLUGIN_ID}/overview`)).data, reindexRunning ? 1_000 : 3_000);
  const analytics = usePoll(async () => (await get<Analytics>(`/${PLUGIN_ID}/analytics?days=${ANALYTICS_DAYS}`)).data, 60_000);
  const links = usePoll(async () => (await get<BrokenLinks>(`/${PLUGIN_ID}/links/broken`)).data, 60_000);
  const sync = overview.data?.searchSync;
  const running = sync?.ok === true && sync.data.reindexRunning;
  React.useEffect(() => setReindexRunning(running || busy === 'reindex'), [running, busy]);

  const act = async (key: string, request: () => Promise<unknown>, done: string) => {
    setBusy(key);
    try {
      await request();
      toggleNotification({ type: 'success', message: done });
    } catch (err) {
      toggleNotification({ type: 'danger', message: errorText(err) });
    } finally {
      overview.refresh();
      analytics.refresh();
      setBusy(null);
    }
  };
  const hiddenQuery = (query: string) => `/${PLUGIN_ID}/analytics/hidden/${encodeURIComponent(query)}`;

  if (!overview.data) return overview.error ? <Page.Error /> : <Page.Loading />;
  const { site } = overview.data;
  const analyticsData = analytics.data?.ok ? analytics.data.data : undefined;
  const analyticsError = analytics.data && !analytics.data.ok ? analytics.data.error : analytics.error;
  return (
    <>
      <Layouts.Header
        title="Search & site"
        subtitle="Whether published articles are searchable and on the site, and what readers search for."
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {!canManage && (
            <Typography textColor="neutral600">
              You can follow the status here; reindexing, handling dead letters and hiding search queries need the Editor or Super Admin
              role.
            </Typography>
          )}
          {sync?.ok ? (
            <>
              <SearchIndexCard
                data={sync.data}
                now={now}
                canManage={canManage}
                starting={busy === 'reindex'}
                onReindex={() =>
                  act(
                    'reindex',
                    () => post(`/${PLUGIN_ID}/reindex`),
                    'Reindex started: searches keep the current index until the new one is complete.',
                  )
                }
              />
              <DeadLettersCard
                letters={sync.data.deadLetters}
                canManage={canManage}
                busy={busy}
                onRetry={(id) => act(id, () => post(`/${PLUGIN_ID}/dead-letters/${encodeURIComponent(id)}/retry`), 'Queued again.')}
                onDiscard={(id) => act(id, () => del(`/${PLUGIN_ID}/dead-letters/${encodeURIComponent(id)}`), 'Dead letter discarded.')}
              />
            </>
          ) : (
            sync && <Unavailable what="Search index status" error={sync.error} />
          )}
          {site.ok ? <SiteBuildCard data={site.data} now={now} /> : <Unavailable what="Site build status" error={site.error} />}
          <BrokenLinksCard data={links.data} error={links.error} />
          <AnalyticsCard
            data={analyticsData}
            error={analyticsError}
            gaps={gaps}
            actions={{
              canManage,
              busy,
              onHide: (query) => act(`hide:${query}`, () => put(hiddenQuery(query)), `“${query}” is hidden from popular searches.`),
              onShow: (query) => act(`show:${query}`, () => del(hiddenQuery(query)), `“${query}” may show again.`),
            }}
          />
        </Flex>
        {synonymFor !== null && <SynonymModal query={synonymFor} onClose={() => setSynonymFor(null)} />}
      </Layouts.Content>
    </>
  );
}

/** The Search & site page: search-sync, the site build and search analytics, for whoever may read them. */
export function SearchSitePage() {
  return (
    <Page.Main>
      <Page.Title>Search & site</Page.Title>
      <Page.Protect permissions={[{ action: ACTIONS.read, subject: null }]}>
        <SearchSite />
      </Page.Protect>
    </Page.Main>
  );
}
