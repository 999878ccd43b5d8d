import crypto from 'node:crypto';

const random = (bytes = 24) => crypto.randomBytes(bytes).toString('base64url');

/** A complete set of fresh secrets for a throwaway CMS/search set-up in tests. */
export function testSecrets() {
  return {
    APP_KEYS: [random(), random(), random(), random()].join(','),
    API_TOKEN_SALT: random(),
    ADMIN_JWT_SECRET: random(),
    TRANSFER_TOKEN_SALT: random(),
    JWT_SECRET: random(),
    ENCRYPTION_KEY: random(32),
    ADMIN_EMAIL: 'admin@stackguide.test',
    ADMIN_PASSWORD: `Aa1-${random(12)}`,
    STRAPI_READ_TOKEN: crypto.randomBytes(64).toString('hex'),
    WEBHOOK_SECRET: random(),
    MEILI_MASTER_KEY: random(32),
    BUILD_HOOK_SECRET: random(),
    SEARCH_SYNC_ADMIN_SECRET: random(),
    PREVIEW_SECRET: random(32),
    PREVIEW_READ_TOKEN: crypto.randomBytes(64).toString('hex'),
  };
}
