import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import type { BrokenLinks } from '../../../shared/contracts';
import { articleEditPath, problemText } from '../link-text';
import { Card } from './Card';

const HEAD = ['Article', 'Link', 'Points to', 'Problem'];

/** Internal links in published articles that readers cannot follow, each with the article to fix. */
export function BrokenLinksCard({ data, error }: { data: BrokenLinks | undefined; error: string | undefined }) {
  const title = data ? `Broken links in published articles (${data.total})` : 'Broken links in published articles';
  return (
    <Card title={title} id="broken-links">
      {!data ? (
        <Typography textColor={error ? 'danger600' : 'neutral600'}>{error ? `Broken links unavailable: ${error}` : 'Checking…'}</Typography>
      ) : data.total === 0 ? (
        <Typography textColor="neutral600">None: every link to an article, role or skill leads to a published page.</Typography>
      ) : (
        <>
          {data.total > data.links.length && (
            <Typography textColor="neutral600">
              The first {data.links.length} by article title; fix those and the next ones show.
            </Typography>
          )}
          <Table colCount={HEAD.length} rowCount={data.links.length + 1} aria-label="Broken links">
            <Thead>
              <Tr>
                {HEAD.map((h) => (
                  <Th key={h}>
                    <Typography variant="sigma">{h}</Typography>
                  </Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {data.links.map((link) => (
                <Tr key={`${link.source.documentId} ${link.url} ${link.text}`}>
                  <Td>
                    <Link to={articleEditPath(link.source.documentId)}>{link.source.title}</Link>
                  </Td>
                  <Td>
                    <Typography>“{link.text}”</Typography>
                  </Td>
                  <Td>
                    <Typography>{link.url}</Typography>
                  </Td>
                  <Td>
                    <Typography textColor="danger600">{problemText(link)}</Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </>
      )}
    </Card>
  );
}
