import { Flex, Status, Typography } from '@strapi/design-system';
import { useFetchClient, useRBAC } from '@strapi/strapi/admin';
import type { ArticleStatus } from '../../../shared/contracts';
import { ACTIONS, PLUGIN_ID } from '../../../shared/actions';
import { searchLine, siteLine, type StatusLine } from '../status-text';
import { useNow, usePoll } from '../use-poll';
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
    </Flex>
  );
}

type PanelProps = { model: string; documentId?: string } & Omit<OldAddressProps, 'documentId'>;

/**
 * The edit view's side panel for articles: whether the entry is in search and on the site, kept
 * current by polling (content-manager's addEditViewSidePanel renders it like a component).
 */
export function ArticleStatusPanel({ model, documentId, document, meta }: PanelProps) {
  const { allowedActions, isLoading } = useRBAC([{ action: ACTIONS.read, subject: null }]);
  if (model !== ARTICLE || !documentId || documentId === 'create' || isLoading || !allowedActions.canRead) return null;
  return {
    title: 'Search & site',
    content: (
      <>
        <ArticleStatusLines key={documentId} documentId={documentId} />
        <OldAddressNotice documentId={documentId} document={document} meta={meta} />
      </>
    ),
  };
}
