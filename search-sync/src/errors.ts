/** Base class of every error search-sync raises on purpose. */
export class SearchSyncError extends Error {
  override name = 'SearchSyncError';
}

/** A Meilisearch task finished with a status other than `succeeded`. */
export class MeiliTaskError extends SearchSyncError {
  override name = 'MeiliTaskError';
  constructor(
    message: string,
    readonly taskUid: number,
    readonly status: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** A one-line description of any thrown value, including its cause. */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return `${err.name}: ${err.message}${cause}`;
}
