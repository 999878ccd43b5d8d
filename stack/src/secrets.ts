import { randomBytes } from 'node:crypto';

const base64 = (bytes: number) => randomBytes(bytes).toString('base64');
const urlSafe = (bytes: number) => randomBytes(bytes).toString('base64url');

/** Strapi rejects admin passwords without a lowercase letter, an uppercase letter and a digit. */
export function isStrongAdminPassword(value: string): boolean {
  return value.length >= 8 && /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value);
}

function adminPassword(): string {
  for (;;) {
    // base64url avoids characters a shell or .env parser would treat specially (#, quotes, spaces).
    const candidate = urlSafe(18);
    if (isStrongAdminPassword(candidate)) return candidate;
  }
}

/** Generators for every `.env` variable that must hold a fresh random secret. */
export const SECRET_GENERATORS: Readonly<Record<string, () => string>> = {
  APP_KEYS: () => [1, 2, 3, 4].map(() => base64(16)).join(','),
  API_TOKEN_SALT: () => base64(16),
  ADMIN_JWT_SECRET: () => base64(32),
  TRANSFER_TOKEN_SALT: () => base64(16),
  JWT_SECRET: () => base64(32),
  ENCRYPTION_KEY: () => base64(32),
  // Meilisearch wants >= 16 bytes; url-safe so it can sit in headers and URLs unescaped.
  MEILI_MASTER_KEY: () => urlSafe(32),
  WEBHOOK_SECRET: () => urlSafe(32),
  BUILD_HOOK_SECRET: () => urlSafe(32),
  SEARCH_SYNC_ADMIN_SECRET: () => urlSafe(32),
  EMBEDDER_API_KEY: () => urlSafe(32),
  ADMIN_PASSWORD: adminPassword,
  // Used by docker-compose's PostgreSQL; harmless for the SQLite default.
  DATABASE_PASSWORD: () => urlSafe(24),
  // Same shape as the tokens Strapi generates itself.
  STRAPI_READ_TOKEN: () => randomBytes(128).toString('hex'),
  PREVIEW_READ_TOKEN: () => randomBytes(128).toString('hex'),
  PREVIEW_SECRET: () => urlSafe(32),
};
