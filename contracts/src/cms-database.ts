/** The variables choosing and reaching the CMS's database, read by the CMS and by backup/restore alike. */
export const CMS_DATABASE_VARIABLES = {
  DATABASE_CLIENT: 'optional',
  DATABASE_FILENAME: 'required',
  DATABASE_URL: 'optional',
  DATABASE_HOST: 'required',
  DATABASE_PORT: 'required',
  DATABASE_NAME: 'required',
  DATABASE_USERNAME: 'required',
  DATABASE_PASSWORD: 'optional',
  DATABASE_SSL: 'required',
} as const;

/** PostgreSQL when DATABASE_CLIENT says so or DATABASE_URL is set, SQLite otherwise. */
export const cmsDatabaseClient = (c: { DATABASE_CLIENT?: 'sqlite' | 'postgres' | undefined; DATABASE_URL?: string | undefined }) =>
  c.DATABASE_CLIENT ?? (c.DATABASE_URL ? 'postgres' : 'sqlite');
