import http from 'node:http';
import { EMBED_PATH, EMBEDDER_HEALTH_PATH, embedResponseSchema } from '@stackguide/contracts/embedder';
import { SearchSyncError } from './errors.ts';

/** Texts per request: big enough to keep the model busy, small enough to answer within seconds. */
const TEXTS_PER_REQUEST = 16;
/**
 * Requests in flight: the embedder runs one at a time, and a second one waiting in its queue keeps
 * it busy while the answer to the first travels back.
 */
const IN_FLIGHT = 2;
/** A request answered later than this counts as failed (a loaded machine computes 16 long texts in seconds). */
const REQUEST_TIMEOUT_MS = 60_000;

/** The embedder could not be reached, refused the request or answered something else than vectors. */
export class EmbedderError extends SearchSyncError {
  override name = 'EmbedderError';
}

export type Embedder = {
  /**
   * One vector per text, in order.
   * @throws EmbedderError naming the URL and what went wrong.
   */
  embed(texts: string[]): Promise<number[][]>;
  /** Whether its /health answers 200 within a few seconds. */
  healthy(): Promise<boolean>;
};

/**
 * A client of the embedder's `POST /embed`. It uses node:http with Nagle's algorithm off: a JSON
 * body sent after its headers would otherwise wait for the server's delayed ACK on every request.
 */
export function createEmbedderClient(url: string, apiKey: string): Embedder {
  const endpoint = new URL(EMBED_PATH, `${url}/`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: IN_FLIGHT });

  const post = (texts: string[], retried = false): Promise<number[][]> =>
    new Promise<number[][]>((resolve, reject) => {
      const body = JSON.stringify({ input: texts });
      const fail = (detail: string, cause?: unknown) => reject(new EmbedderError(`embedder at ${endpoint.href}: ${detail}`, { cause }));
      const req = http.request(
        endpoint,
        {
          method: 'POST',
          agent,
          timeout: REQUEST_TIMEOUT_MS,
          headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', (err) => fail('the answer broke off', err));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode !== 200) return fail(`HTTP ${res.statusCode} ${text.slice(0, 200)}`);
            let parsed: ReturnType<typeof embedResponseSchema.safeParse>;
            try {
              parsed = embedResponseSchema.safeParse(JSON.parse(text));
            } catch (err) {
              return fail('the answer is not JSON', err);
            }
            if (!parsed.success || parsed.data.embeddings.length !== texts.length)
              return fail(`not ${texts.length} vectors: ${text.slice(0, 200)}`);
            resolve(parsed.data.embeddings);
          });
        },
      );
      req.setNoDelay(true);
      req.on('timeout', () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s`)));
      req.on('error', (err: NodeJS.ErrnoException) => {
        // A kept-alive socket the embedder closed as this request went out: the request never
        // reached it, and embedding twice is harmless, so it goes again once on a new socket.
        if (req.reusedSocket && err.code === 'ECONNRESET' && !retried) resolve(post(texts, true));
        else fail(err.message, err);
      });
      req.end(body);
    });

  return {
    async healthy() {
      try {
        return (await fetch(new URL(EMBEDDER_HEALTH_PATH, `${url}/`), { signal: AbortSignal.timeout(3_000) })).ok;
      } catch {
        return false;
      }
    },
    async embed(texts) {
      const chunks: string[][] = [];
      for (let i = 0; i < texts.length; i += TEXTS_PER_REQUEST) chunks.push(texts.slice(i, i + TEXTS_PER_REQUEST));
      const answers = new Array<number[][]>(chunks.length);
      let next = 0;
      const worker = async () => {
        while (next < chunks.length) {
          const k = next++;
          answers[k] = await post(chunks[k]!).catch((err: unknown) => {
            // One failure fails the whole call: the other worker sends nothing more.
            next = chunks.length;
            throw err;
          });
        }
      };
      await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, chunks.length) }, worker));
      return answers.flat();
    },
  };
}
