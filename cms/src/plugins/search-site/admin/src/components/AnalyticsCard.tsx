import { Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { SearchAnalytics } from '../../../shared/contracts';
import { Card } from './Card';

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

function Rows(props: { caption: string; head: string[]; rows: (string | number)[][]; actions: QueryActions; hidden?: boolean }) {
  const { caption, head, rows, actions } = props;
  const columns = actions.canManage ? [...head, 'Actions'] : head;
  return (
    <Box>
      <Typography tag="h3" variant="omega" fontWeight="bold">
        {caption}
      </Typography>
      {rows.length === 0 ? (
        <Typography textColor="neutral600">None yet.</Typography>
      ) : (
        <Table colCount={columns.length} rowCount={rows.length + 1} aria-label={caption}>
          <Thead>
            <Tr>
              {columns.map((h) => (
                <Th key={h}>
                  <Typography variant="sigma">{h}</Typography>
                </Th>
              ))}
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
                {actions.canManage && (
                  <Td>
                    <QueryButton query={String(row[0])} hidden={props.hidden ?? false} actions={actions} />
                  </Td>
                )}
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Box>
  );
}

const percent = (rate: number) => `${(rate * 100).toFixed(1)} %`;

/**
 * What readers searched for, what found nothing, and how often they opened a result. Editors may
 * hide a query (spam, something nobody should read on the site): it leaves the popular searches and
 * these lists, and is listed under "Hidden queries" to show again.
 */
export function AnalyticsCard(props: { data: SearchAnalytics | null | undefined; error: string | undefined; actions: QueryActions }) {
  const { data, error, actions } = props;
  const empty =
    !data ||
    (data.topQueries.length === 0 &&
      data.zeroResultQueries.length === 0 &&
      data.hiddenQueries.length === 0 &&
      data.clickThrough.searches === 0);
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
            actions={actions}
          />
          <Rows
            caption="Queries with no results"
            head={['Query', 'Searches']}
            rows={data.zeroResultQueries.map((q) => [q.query, q.searches])}
            actions={actions}
          />
          {data.hiddenQueries.length > 0 && (
            <Rows caption="Hidden queries" head={['Query']} rows={data.hiddenQueries.map((q) => [q])} actions={actions} hidden />
          )}
        </Flex>
      )}
    </Card>
  );
}
