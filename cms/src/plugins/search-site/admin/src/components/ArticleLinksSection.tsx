import { Box, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import type { ArticleLinks } from '../../../shared/contracts';
import { PLUGIN_ID } from '../../../shared/actions';
import { articleEditPath, brokenSummary, linkedFromSummary, problemText } from '../link-text';
import { usePoll } from '../use-poll';

/**
 * The edit view's link check: broken links in the saved draft, and the published articles linking
 * here, shown at all times since Strapi's unpublish and delete dialogs take no additions.
 */
export function ArticleLinksSection({ documentId, intervalMs }: { documentId: string; intervalMs: number }) {
  const { get } = useFetchClient();
  const poll = usePoll(
    async () => (await get<ArticleLinks>(`/${PLUGIN_ID}/articles/${encodeURIComponent(documentId)}/links`)).data,
    intervalMs,
  );
  if (!poll.data) return poll.error ? <Typography textColor="neutral600">Links unavailable: {poll.error}</Typography> : null;
  const { broken, linkedFrom } = poll.data;
  return (
    <Box tag="section" aria-label="Links" width="100%">
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography textColor={broken.length > 0 ? 'danger600' : 'neutral600'}>{brokenSummary(broken.length)}</Typography>
        {broken.length > 0 && (
          <Box tag="ul" aria-label="Broken links" paddingLeft={4}>
            {broken.map((link) => (
              <li key={`${link.url} ${link.text}`}>
                <Typography>
                  “{link.text}” → {link.url}: {problemText(link)}
                </Typography>
              </li>
            ))}
          </Box>
        )}
        <Typography textColor="neutral600">{linkedFromSummary(linkedFrom.count)}</Typography>
        {linkedFrom.count > 0 && (
          <Box tag="ul" aria-label="Linked from" paddingLeft={4}>
            {linkedFrom.articles.map((article) => (
              <li key={article.documentId}>
                <Link to={articleEditPath(article.documentId)}>{article.title}</Link>
              </li>
            ))}
            {linkedFrom.count > linkedFrom.articles.length && (
              <li>
                <Typography textColor="neutral600">and {linkedFrom.count - linkedFrom.articles.length} more</Typography>
              </li>
            )}
          </Box>
        )}
      </Flex>
    </Box>
  );
}
