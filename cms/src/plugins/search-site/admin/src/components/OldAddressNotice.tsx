import { Typography } from '@strapi/design-system';
import { useFetchClient, useForm } from '@strapi/strapi/admin';
import * as React from 'react';

const ARTICLE = 'api::article.article';

type Version = { publishedAt?: string | null };
export type OldAddressProps = { documentId: string; document?: Version; meta?: { availableStatus?: Version[] } };

/**
 * Under the status panel: once an editor changes a published article's slug (saved or not), says
 * that its live address will redirect to the new one after the publish (the site answers the old
 * address with a 301, from the slugs the CMS records on publish). The live slug is read again
 * whenever a version is published.
 */
export function OldAddressNotice({ documentId, document, meta }: OldAddressProps) {
  const slug = useForm('OldAddressNotice', (state) => (state.values as { slug?: unknown }).slug, false);
  const { get } = useFetchClient();
  const [live, setLive] = React.useState<string | null>(null);
  // Changes with every publish and unpublish of either version.
  const published = [document, ...(meta?.availableStatus ?? [])].map((v) => v?.publishedAt ?? '').join(' ');
  React.useEffect(() => {
    let current = true;
    setLive(null);
    if (published.trim())
      get<{ data?: { slug?: unknown; publishedAt?: unknown } }>(
        `/content-manager/collection-types/${ARTICLE}/${encodeURIComponent(documentId)}?status=published`,
      ).then(
        ({ data }) => current && setLive(data.data?.publishedAt && typeof data.data.slug === 'string' ? data.data.slug : null),
        () => undefined,
      );
    return () => {
      current = false;
    };
  }, [documentId, published, get]);
  if (!live || typeof slug !== 'string' || slug === '' || slug === live) return null;
  return (
    <Typography variant="pi" textColor="neutral700" role="status">
      Old address /articles/{live}/ will redirect here once you publish.
    </Typography>
  );
}
