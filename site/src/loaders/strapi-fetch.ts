import { StrapiRequestError } from '../errors.ts';

export type RetryPolicy = {
  /** Total attempts, including the first. */
  attempts: number;
  /** Delay before the second attempt; doubles after each failure. */
  baseDelayMs: number;
};

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 500 };

const TRANSIENT_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'UND_ERR_SOCKET', 'EAI_AGAIN']);

function networkCode(err: unknown): string | undefined {
  if (!(err instanceof Error)) return undefined;
  const cause = err.cause;
  if (cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string') return cause.code;
  if ('code' in err && typeof err.code === 'string') return err.code;
  if (err.name === 'TimeoutError') return 'ETIMEDOUT';
  return undefined;
}

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  return err.cause instanceof Error ? `${err.message} (${err.cause.message})` : err.message;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * GETs JSON from Strapi, retrying 5xx answers and dropped connections with exponential backoff.
 * @throws StrapiRequestError naming the URL, the last status or network error, and the fix.
 */
export async function fetchStrapiJson(url: string, token: string | undefined, retry: RetryPolicy = DEFAULT_RETRY): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  let last: number | string = 'no attempt';
  for (let attempt = 1; attempt <= retry.attempts; attempt++) {
    if (attempt > 1) await sleep(retry.baseDelayMs * 2 ** (attempt - 2));
    let res: Response;
    try {
      res = await fetch(url, { headers, signal: AbortSignal.timeout(30_000) });
    } catch (err) {
      const code = networkCode(err);
      last = code ?? describe(err);
      if (code && TRANSIENT_CODES.has(code)) continue;
      throw new StrapiRequestError(url, last, attempt);
    }
    if (res.ok) {
      try {
        return await res.json();
      } catch {
        throw new StrapiRequestError(url, `HTTP ${res.status} with a body that is not JSON`, attempt);
      }
    }
    await res.body?.cancel();
    last = res.status;
    if (res.status < 500) throw new StrapiRequestError(url, res.status, attempt);
  }
  throw new StrapiRequestError(url, last, retry.attempts);
}
