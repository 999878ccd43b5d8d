import { Button, Flex, ProgressBar, Typography } from '@strapi/design-system';
import type { ReindexProgress, SearchSyncOverview } from '../../../shared/contracts';
import { dateTime, duration } from '../format';
import { reconcileText } from '../reconcile-text';
import { Card, Facts } from './Card';

const STEPS: Record<ReindexProgress['state'], string> = {
  loading: 'loading articles into a fresh index',
  indexing: 'waiting for Meilisearch to index the last batches',
  swapping: 'swapping the fresh index in',
  done: 'done',
  failed: 'failed',
};

function Reindex({ progress, running }: { progress: ReindexProgress | null; running: boolean }) {
  if (running) {
    const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
    const step = progress && progress.state !== 'done' && progress.state !== 'failed' ? progress : null;
    return (
      <Flex direction="column" alignItems="stretch" gap={2} aria-live="polite">
        <Typography>
          {step && step.total > 0
            ? `Reindexing: ${STEPS[step.state]} — ${step.done} of ${step.total} articles`
            : 'Reindexing: preparing a fresh index…'}
        </Typography>
        <ProgressBar value={percent} aria-label={`Reindex progress ${percent} %`} />
      </Flex>
    );
  }
  if (!progress) return <Typography textColor="neutral600">No reindex has run yet.</Typography>;
  const took = progress.finishedAt ? `, took ${duration(Date.parse(progress.finishedAt) - Date.parse(progress.startedAt))}` : '';
  return (
    <Typography textColor={progress.state === 'failed' ? 'danger600' : undefined} aria-live="polite">
      {progress.state === 'failed'
        ? `Last reindex failed (started ${dateTime(progress.startedAt)}): ${progress.error ?? 'unknown error'}; searches kept the old index.`
        : `Last reindex: ${progress.state}, ${progress.done} documents, started ${dateTime(progress.startedAt)}${took}.`}
    </Typography>
  );
}

/** Queue, last reconcile, reindex and owed site rebuild from search-sync; the Reindex button for those who may. */
export function SearchIndexCard(props: {
  data: SearchSyncOverview;
  now: number;
  canManage: boolean;
  onReindex(): void;
  starting: boolean;
}) {
  const { data, now } = props;
  const r = data.lastReconcile;
  const running = data.reindexRunning || props.starting;
  return (
    <Card title="Search index" id="search-index">
      <Facts
        rows={[
          ['search-sync', data.ready ? 'ready' : 'starting (first reconcile not applied yet)'],
          ['Queue', data.queueDepth === 0 ? 'empty' : `${data.queueDepth} waiting, oldest for ${data.oldestItemAgeSeconds ?? 0} s`],
          ['Last reconcile', r ? reconcileText(r, now) : 'not yet'],
          [
            'Site rebuild',
            data.siteRebuildPending
              ? `owed since ${dateTime(data.siteRebuildPending.changedAt)}${data.siteRebuildPending.lastError ? ` (${data.siteRebuildPending.failedCalls} failed calls: ${data.siteRebuildPending.lastError})` : ''}`
              : 'none owed',
          ],
        ]}
      />
      <Reindex progress={data.reindex} running={running} />
      {props.canManage && (
        <Flex>
          <Button onClick={props.onReindex} disabled={running} loading={running}>
            Reindex
          </Button>
        </Flex>
      )}
    </Card>
  );
}
