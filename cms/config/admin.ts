import type { Core } from '@strapi/strapi';
import { previewLink } from '../src/preview-link';
import stackguide from './stackguide';

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const { previewSecret, previewUrl } = stackguide({ env });
  return {
    // Tests and the search-sync worker only need the REST API; skipping the admin bundle saves minutes.
    serveAdminPanel: env.bool('SERVE_ADMIN_PANEL', true),
    auth: {
      secret: env('ADMIN_JWT_SECRET'),
    },
    apiToken: {
      salt: env('API_TOKEN_SALT'),
    },
    transfer: {
      token: {
        salt: env('TRANSFER_TOKEN_SALT'),
      },
    },
    secrets: {
      encryptionKey: env('ENCRYPTION_KEY'),
    },
    flags: {
      nps: false,
      promoteEE: false,
    },
    // The edit view's "Open preview": the site server renders the article with the site's own
    // pages. The link is signed here, server-side; the admin only ever gets the signed URL.
    preview: {
      enabled: previewSecret !== undefined,
      config: {
        allowedOrigins: [new URL(previewUrl).origin],
        handler: (uid: string, params: { documentId?: string; status?: string }) =>
          previewSecret ? previewLink(uid, params, { previewUrl, secret: previewSecret }) : null,
      },
    },
  };
};
