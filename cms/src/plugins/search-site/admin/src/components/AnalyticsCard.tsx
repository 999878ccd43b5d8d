import { Box, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { SearchAnalytics } from '../../../shared/contracts';
import { Card } from './Card';

function Rows({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <Box>
      <Typography tag="h3" variant="omega" fontWeight="bold">
        {caption}
      </Typography>
      {rows.length === 0 ? (
        <Typography textColor="neutral600">None yet.</Typography>
      ) : (
        <Table colCount={head.length} rowCount={rows.length + 1} aria-label={caption}>
          <Thead>
            <Tr>
              {head.map((h) => (
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
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Box>
  );
}

const percent = (rate: number) => `${(rate * 100).toFixed(1)} %`;

/** What readers searched for, what found nothing, and how often they opened a result. */
export function AnalyticsCard({ data, error }: { data: SearchAnalytics | null | undefined; error: string | undefined }) {
  const empty = !data || (data.topQueries.length === 0 && data.zeroResultQueries.length === 0 && data.clickThrough.searches === 0);
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
          />
          <Rows
            caption="Queries with no results"
            head={['Query', 'Searches']}
            rows={data.zeroResultQueries.map((q) => [q.query, q.searches])}
          />
        </Flex>
      )}
    </Card>
  );
}
