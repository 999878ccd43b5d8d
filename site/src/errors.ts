/** Base class for every error the site's build and serve code raises. */
export class SiteError extends Error {
  override name = 'SiteError';
}

const FIX = 'Fix: start the CMS (npm start), set STRAPI_URL to its address, check STRAPI_READ_TOKEN.';

/** Strapi answered, but not with the shape the site relies on. */
export class StrapiContentError extends SiteError {
  override name = 'StrapiContentError';
  constructor(
    readonly url: string,
    detail: string,
  ) {
    super(`Strapi response from ${url} is not what the site expects: ${detail}`);
  }
}

/** Zero published articles: refusing to publish an empty site. */
export class EmptySiteError extends SiteError {
  override name = 'EmptySiteError';
  constructor(readonly url: string) {
    super(
      `Strapi returned zero published articles from ${url}; refusing to build an empty site. ` +
        `Publish an article, or set ALLOW_EMPTY_SITE=true to build anyway. ${FIX}`,
    );
  }
}
