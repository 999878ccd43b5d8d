import { Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type * as React from 'react';
import type { SearchAnalytics } from '../../../shared/contracts';
import { Card } from './Card';

type RowsProps = { caption: string; head: string[]; rows: (string | number)[][]; actions?: (row: (string | number)[]) => React.ReactNode };

function Rows({ caption, head, rows, actions }: RowsProps) {
  return (
    <Box>
      <Typography tag="h3" variant="omega" fontWeight="bold">
        {caption}
      </Typography>
      {rows.length === 0 ? (
        <Typography textColor="neutral600">None yet.</Typography>
      ) : (
        <Table colCount={head.length + (actions ? 1 : 0)} rowCount={rows.length + 1} aria-label={caption}>
          <Thead>
            <Tr>
              {head.map((h) => (
                <Th key={h}>
                  <Typography variant="sigma">{h}</Typography>
                </Th>
              ))}
              {actions && (
                <Th>
                  <Typography variant="sigma">Act on it</Typography>
                </Th>
              )}
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((row) => (
              <Tr key={String(row[0])}>
                {row.map((cell, i) => (
                  <Td key={head[i]}>
                    <Typography>{cell}</Typography>
                  </Td>
                ))}
                {actions && <Td>{actions(row)}</Td>}
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Box>
  );
}

const percent = (rate: number) => `${(rate * 100).toFixed(1)} %`;

/** Hide / Show on a query, for those who may; `busy` disables every action while one runs. */
export type QueryActions = { canManage: boolean; busy: string | null; onHide(query: string): void; onShow(query: string): void };

function QueryButton({ query, hidden, actions }: { query: string; hidden: boolean; actions: QueryActions }) {
  const verb = hidden ? 'Show' : 'Hide';
  return (
    <Button
      size="S"
      variant={hidden ? 'secondary' : 'danger-light'}
      aria-label={`${verb} “${query}”`}
      disabled={actions.busy !== null}
      onClick={() => (hidden ? actions.onShow(query) : actions.onHide(query))}
    >
      {verb}
    </Button>
  );
}

/** What an editor can do about a search that found nothing; absent for those who may not. */
export type GapActions = { onWrite(query: string): void; onSynonym(query: string): void };

function GapButtons({ query, actions }: { query: string; actions: GapActions }) {
  return (
    <Flex gap={2}>
      <Button size="S" variant="secondary" onClick={() => actions.onWrite(query)} aria-label={`Write an article about ${query}`}>
        Write an article
      </Button>
      <Button size="S" variant="tertiary" onClick={() => actions.onSynonym(query)} aria-label={`Add ${query} as synonym…`}>
        Add as synonym…
      </Button>
    </Flex>
  );
}

/**
 * What readers searched for, what found nothing (with `gaps`: buttons to act on it), and how often
 * they opened a result. Editors may hide a query (spam, something nobody should read on the site):
 * it leaves the popular searches and these lists, and is listed under "Hidden queries" to show again.
 */
export function AnalyticsCard({
  data,
  error,
  gaps,
  actions,
}: {
  data: SearchAnalytics | null | undefined;
  error: string | undefined;
  gaps?: GapActions | undefined;
  actions: QueryActions;
}) {
  const empty =
    !data ||
    (data.topQueries.length === 0 &&
      data.zeroResultQueries.length === 0 &&
      data.hiddenQueries.length === 0 &&
      data.clickThrough.searches === 0);
  const hide = actions.canManage
    ? (row: (string | number)[]) => <QueryButton query={String(row[0])} hidden={false} actions={actions} />
    : undefined;
  return (
    <Card title={data ? `Search analytics, last ${data.days} days` : 'Search analytics'} id="search-analytics">
      {error && !data ? (
        <Typography textColor="danger600">Analytics unavailable: {error}</Typography>
      ) : empty ? (
        <Typography textColor="neutral600">No searches yet.</Typography>
      ) : (
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Typography>
            Click-through: {percent(data.clickThrough.rate)} ({data.clickThrough.clicks} opened results in {data.clickThrough.searches}{' '}
            searches)
            {data.clickThrough.byPosition.length > 0 &&
              `; by position ${data.clickThrough.byPosition.map((n, i) => `${i + 1}: ${n}`).join(', ')}`}
          </Typography>
          <Rows
            caption="Top queries"
            head={['Query', 'Searches', 'Average results', 'Clicks']}
            rows={data.topQueries.map((q) => [q.query, q.searches, q.avgResults.toFixed(1), q.clicks])}
            actions={hide}
          />
          <Rows
            caption="Queries with no results"
            head={['Query', 'Searches']}
            rows={data.zeroResultQueries.map((q) => [q.query, q.searches])}
            actions={
              (gaps || hide) &&
              ((row) => (
                <Flex gap={2}>
                  {gaps && <GapButtons query={String(row[0])} actions={gaps} />}
                  {hide?.(row)}
                </Flex>
              ))
            }
          />
          {data.hiddenQueries.length > 0 && (
            <Rows
              caption="Hidden queries"
              head={['Query']}
              rows={data.hiddenQueries.map((q) => [q])}
              actions={actions.canManage ? (row) => <QueryButton query={String(row[0])} hidden actions={actions} /> : undefined}
            />
          )}
        </Flex>
      )}
    </Card>
  );
}
