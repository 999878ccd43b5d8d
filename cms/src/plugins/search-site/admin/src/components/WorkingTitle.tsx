import { Typography } from '@strapi/design-system';
import { useFetchClient, useForm } from '@strapi/strapi/admin';
import * as React from 'react';

const ARTICLE = 'api::article.article';

/**
 * On the create page opened by "Write an article": puts the search that found nothing in the title
 * and a slug made from it into the form (unsaved, like typing them), once.
 */
export function WorkingTitle({ query }: { query: string }) {
  const onChange = useForm('WorkingTitle', (form) => form.onChange);
  const { post } = useFetchClient();
  const filled = React.useRef(false);
  React.useEffect(() => {
    if (filled.current) return;
    filled.current = true;
    onChange('title', query);
    // The Content Manager's own slug generator, so the slug is free and shaped like any other.
    post<{ data: string }>('/content-manager/uid/generate', { contentTypeUID: ARTICLE, field: 'slug', data: { title: query } }).then(
      (res) => onChange('slug', res.data.data),
      () => undefined,
    );
  }, [onChange, post, query]);
  return (
    <Typography textColor="neutral600">
      Working title from the search “{query}”, which found nothing. Rename it as you write, then save.
    </Typography>
  );
}
