export { loadRootEnv, readEnvFile, rootEnvFile, withRootEnv, type Env } from './env-file.ts';
export { parseDuration, type EnvRule } from './env-rules.ts';
export { ConfigError, parseConfig, type ConfigSpec, type ConfigValues } from './parse-config.ts';
export { progressBar, progressLine, stepLog, type Progress, type ProgressOptions, type ProgressStream } from './progress.ts';
export { REPO_ROOT } from './repo-root.ts';
export { VARIABLES, type VariableName } from './variables.ts';
