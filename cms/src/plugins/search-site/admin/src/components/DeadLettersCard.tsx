import { Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import type { DeadLetter } from '../../../shared/contracts';
import { dateTime } from '../format';
import { Card } from './Card';

type Letter = DeadLetter & { title: string | null };

const name = (letter: Letter) =>
  letter.kind === 'article' ? (letter.title ?? `article ${letter.documentId} (deleted)`) : `${letter.kind} ${letter.documentId}`;

function Document({ letter }: { letter: Letter }) {
  if (letter.kind !== 'article' || letter.title === null) return <Typography>{name(letter)}</Typography>;
  return <Link to={`/content-manager/collection-types/api::article.article/${letter.documentId}`}>{letter.title}</Link>;
}

/** Changes search-sync gave up on, with why, and Retry / Discard for those who may. */
export function DeadLettersCard(props: {
  letters: Letter[];
  canManage: boolean;
  busy: string | null;
  onRetry(id: string): void;
  onDiscard(id: string): void;
}) {
  const { letters, canManage } = props;
  return (
    <Card title={`Dead letters (${letters.length})`} id="dead-letters">
      {letters.length === 0 ? (
        <Typography textColor="neutral600">None: every change reached the index.</Typography>
      ) : (
        <Table colCount={canManage ? 5 : 4} rowCount={letters.length + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">Document</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">Error</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">Attempts</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">Failed</Typography>
              </Th>
              {canManage && (
                <Th>
                  <Typography variant="sigma">Actions</Typography>
                </Th>
              )}
            </Tr>
          </Thead>
          <Tbody>
            {letters.map((letter) => (
              <Tr key={letter.id}>
                <Td>
                  <Document letter={letter} />
                </Td>
                <Td>
                  <Typography textColor="danger600">{letter.error}</Typography>
                </Td>
                <Td>
                  <Typography>{letter.attempts}</Typography>
                </Td>
                <Td>
                  <Typography>{dateTime(letter.failedAt)}</Typography>
                </Td>
                {canManage && (
                  <Td>
                    <Flex gap={2}>
                      <Button
                        size="S"
                        variant="secondary"
                        aria-label={`Retry ${name(letter)}`}
                        disabled={props.busy !== null}
                        onClick={() => props.onRetry(letter.id)}
                      >
                        Retry
                      </Button>
                      <Button
                        size="S"
                        variant="danger-light"
                        aria-label={`Discard ${name(letter)}`}
                        disabled={props.busy !== null}
                        onClick={() => props.onDiscard(letter.id)}
                      >
                        Discard
                      </Button>
                    </Flex>
                  </Td>
                )}
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Card>
  );
}
