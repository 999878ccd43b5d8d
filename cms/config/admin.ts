import type { Core } from '@strapi/strapi';
import { parseConfig } from '@stackguide/contracts/parse-config';
import { previewLink } from '../src/preview-link';
import stackguide from './stackguide';

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const { previewSecret, previewUrl } = stackguide();
  // Optional here: `strapi build` loads this file without secrets; Strapi refuses to start without them.
  const c = parseConfig(
    { ADMIN_JWT_SECRET: 'optional', API_TOKEN_SALT: 'optional', TRANSFER_TOKEN_SALT: 'optional', ENCRYPTION_KEY: 'optional' },
    process.env,
  );
  return {
    // Not a user setting: tests that only need the REST API skip the admin bundle, which saves minutes.
    serveAdminPanel: env.bool('SERVE_ADMIN_PANEL', true),
    auth: {
      secret: c.ADMIN_JWT_SECRET,
    },
    apiToken: {
      salt: c.API_TOKEN_SALT,
    },
    transfer: {
      token: {
        salt: c.TRANSFER_TOKEN_SALT,
      },
    },
    secrets: {
      encryptionKey: c.ENCRYPTION_KEY,
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
