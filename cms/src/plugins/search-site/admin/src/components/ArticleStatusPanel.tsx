import { Flex, Status, Typography } from '@strapi/design-system';
import { useFetchClient, useRBAC } from '@strapi/strapi/admin';
import { useLocation } from 'react-router-dom';
import type { ArticleStatus } from '../../../shared/contracts';
import { ACTIONS, PLUGIN_ID } from '../../../shared/actions';
import { scheduleLines, searchLine, siteLine, type StatusLine } from '../status-text';
import { useNow, usePoll } from '../use-poll';
import { ArticleLinksSection } from './ArticleLinksSection';
import { WorkingTitle } from './WorkingTitle';
import { OldAddressNotice, type OldAddressProps } from './OldAddressNotice';

/** How often the panel asks again while the edit view is visible. */
const POLL_MS = 3_000;
const ARTICLE = 'api::article.article';

function Line({ line, label }: { line: StatusLine; label: string }) {
  return (
    <Status variant={line.tone} size="S" width="100%" aria-label={label}>
      <Typography fontWeight="bold">{line.text}</Typography>
    </Status>
  );
}

function ArticleStatusLines({ documentId }: { documentId: string }) {
  const { get } = useFetchClient();
  const now = useNow();
  const poll = usePoll(async () => (await get<ArticleStatus>(`/${PLUGIN_ID}/articles/${encodeURIComponent(documentId)}`)).data, POLL_MS);
  if (!poll.data) return <Typography textColor="neutral600">{poll.error ? `Status unavailable: ${poll.error}` : 'Checking…'}</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%" aria-live="polite">
      <Line line={searchLine(poll.data, now)} label="Search" />
      <Line line={siteLine(poll.data)} label="Site" />
      {scheduleLines(poll.data.schedule, now).map((line) => (
        <Line key={line.text} line={line} label="Schedule" />
      ))}
    </Flex>
  );
}

type PanelProps = { model: string; documentId?: string } & Omit<OldAddressProps, 'documentId'>;

/**
 * The edit view's side panel for articles: whether the entry is in search and on the site, its
 * schedule and its links, kept current by polling (content-manager's addEditViewSidePanel renders
 * it like a component). On the create page opened by "Write an article" it fills in the working title.
 */
export function ArticleStatusPanel({ model, documentId, document, meta }: PanelProps) {
  const { allowedActions, isLoading } = useRBAC([{ action: ACTIONS.read, subject: null }]);
  const { state } = useLocation();
  if (model !== ARTICLE) return null;
  if (!documentId || documentId === 'create') {
    const workingTitle: unknown = (state as { workingTitle?: unknown } | null)?.workingTitle;
    return typeof workingTitle === 'string' ? { title: 'Search & site', content: <WorkingTitle query={workingTitle} /> } : null;
  }
  if (isLoading || !allowedActions.canRead) return null;
  return {
    title: 'Search & site',
    content: (
      <Flex key={documentId} direction="column" alignItems="stretch" gap={4} width="100%">
        <ArticleStatusLines documentId={documentId} />
        <OldAddressNotice documentId={documentId} document={document} meta={meta} />
        <ArticleLinksSection documentId={documentId} intervalMs={POLL_MS} />
      </Flex>
    ),
  };
}
