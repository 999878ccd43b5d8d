import { type Env, parseConfig } from '@stackguide/contracts/parse-config';

export type Config = {
  host: string;
  port: number;
  /** The bearer key every `POST /embed` must present. */
  apiKey: string;
  /** onnxruntime's threads per embedding run. */
  threads: number;
  logLevel: string;
};

/**
 * Reads and validates the embedder's configuration once, at start, by the shared variable rules.
 * @throws ConfigError naming every variable that is missing or malformed and what it should look like.
 */
export function loadConfig(env: Env = process.env): Config {
  const e = parseConfig(
    {
      EMBEDDER_HOST: 'required',
      EMBEDDER_PORT: 'required',
      EMBEDDER_API_KEY: 'required',
      EMBEDDER_THREADS: 'required',
      LOG_LEVEL: 'required',
    },
    env,
  );
  return { host: e.EMBEDDER_HOST, port: e.EMBEDDER_PORT, apiKey: e.EMBEDDER_API_KEY, threads: e.EMBEDDER_THREADS, logLevel: e.LOG_LEVEL };
}
