export { bearerMatches } from './bearer.ts';
export { type Env, loadRootEnv, rootEnvFile, withRootEnv } from './env-file.ts';
export { ConfigError, type ConfigSpec, type ConfigValues, parseConfig } from './parse-config.ts';
export { type BodyResult, isJsonContentType, type JsonBodyResult, readBody, readJsonBody } from './http-body.ts';
export { type Progress, type ProgressOptions, type ProgressStream, progressBar, stepLog } from './progress.ts';
export { REPO_ROOT } from './repo-root.ts';
export { VARIABLES, type VariableName } from './variables.ts';
export { WaitError, waitFor, waitForHttp, type WaitOptions } from './wait.ts';
