import http from 'node:http';
import {
  EMBED_PATH,
  EMBEDDER_HEALTH_PATH,
  type EmbedderHealth,
  embedRequestSchema,
  MAX_EMBED_BODY_BYTES,
  MAX_TEXTS_PER_REQUEST,
} from '@stackguide/contracts/embedder';
import { bearerMatches, readJsonBody } from '@stackguide/runtime';
import type { Logger } from 'pino';
import { QueueFullError, type Scheduler } from './scheduler.ts';

export type ServerDeps = {
  scheduler: Scheduler;
  model: { id: string; dimensions: number };
  apiKey: string;
  log: Logger;
};

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

// Seven decimals change a cosine by less than 1e-6 and halve the answer's size.
const rounded = (v: Float32Array) => Array.from(v, (x) => Math.round(x * 1e7) / 1e7);

async function embed(req: http.IncomingMessage, res: http.ServerResponse, deps: ServerDeps): Promise<void> {
  if (!bearerMatches(req.headers.authorization, deps.apiKey)) {
    req.resume();
    return json(res, 401, { error: 'missing or wrong bearer key' });
  }
  const body = await readJsonBody(req, MAX_EMBED_BODY_BYTES);
  if (body.kind === 'aborted') return;
  if (body.kind === 'refused') return json(res, body.status, { error: body.error });
  const parsed = embedRequestSchema.safeParse(body.value);
  if (!parsed.success) return json(res, 400, { error: 'expected {"input": ["text", …]} with at least one text' });
  const texts = parsed.data.input;
  if (texts.length > MAX_TEXTS_PER_REQUEST) return json(res, 413, { error: `at most ${MAX_TEXTS_PER_REQUEST} texts per request` });
  // A client that gives up (Meilisearch's timeout, a search-sync shutdown) frees its place in the queue.
  const gone = new AbortController();
  res.on('close', () => gone.abort(new Error('the client went away')));
  const started = performance.now();
  try {
    const vectors = await deps.scheduler.embed(texts, gone.signal);
    json(res, 200, { embeddings: vectors.map(rounded) });
    deps.log.debug({ texts: texts.length, ms: Math.round(performance.now() - started) }, 'embedded');
  } catch (err) {
    if (gone.signal.aborted) return;
    // 503 makes Meilisearch back off and retry; it does not retry other 4xx answers.
    if (err instanceof QueueFullError) return json(res, 503, { error: `busy: ${err.message}` });
    throw err;
  }
}

/** The embedder's HTTP surface: `POST /embed` (bearer key) and `GET /health`. */
export function createServer(deps: ServerDeps): http.Server {
  return http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const route = async () => {
      if (path === EMBEDDER_HEALTH_PATH && req.method === 'GET') {
        const health: EmbedderHealth = {
          status: 'ok',
          model: deps.model.id,
          dimensions: deps.model.dimensions,
          queued: deps.scheduler.queued,
        };
        return json(res, 200, health);
      }
      if (path === EMBED_PATH) {
        if (req.method !== 'POST') return json(res, 405, { error: 'use POST' });
        return embed(req, res, deps);
      }
      return json(res, 404, { error: 'not found' });
    };
    route().catch((err: unknown) => {
      deps.log.error({ err: err instanceof Error ? err.message : String(err), path }, 'request failed');
      if (!res.headersSent) json(res, 500, { error: 'embedding failed' });
      else res.destroy();
    });
  });
}
