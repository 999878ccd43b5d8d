export { bearerMatches } from './bearer.ts';
export { loadRootEnv, rootEnvFile, withRootEnv } from './env-file.ts';
export { type BodyResult, isJsonContentType, type JsonBodyResult, readBody, readJsonBody } from './http-body.ts';
export { type Progress, type ProgressOptions, type ProgressStream, progressBar, stepLog } from './progress.ts';
export { REPO_ROOT } from './repo-root.ts';
export { WaitError, waitFor, waitForHttp, type WaitOptions } from './wait.ts';
export { JOB_RETRY, NO_RETRY, type RetryPolicy, StrapiClient, type StrapiClientOptions, StrapiError } from './strapi-client.ts';
export { documentIdChunks, documentIdFilters, keysetPageQuery, LISTING_PAGE } from './strapi-listing.ts';
export { fetchSearchKey, SearchKeyError, searchKeyUrl } from './search-key.ts';
