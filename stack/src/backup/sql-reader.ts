/** Read access to a database, the same for SQLite and PostgreSQL, for counting what a backup holds. */
export type SqlReader = {
  /** Rows of a query; values as the driver returns them. */
  all(sql: string): Promise<Record<string, unknown>[]>;
  /** Every table of the database with its column names. */
  tables(): Promise<Map<string, Set<string>>>;
};

/** A table or column name as SQL, quoted for both SQLite and PostgreSQL. */
export const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
