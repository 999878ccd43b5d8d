/**
 * Reads from the CMS's REST API for every part that reads it (the site build and preview,
 * search-sync): one error type naming the URL and the fix, one retry rule.
 */

const FIX = 'Fix: start the CMS (npm start), set STRAPI_URL to its address, check STRAPI_READ_TOKEN.';

/** A Strapi request failed for good: unreachable, or an answer retrying cannot fix, or retries ran out. */
export class StrapiError extends Error {
  override name = 'StrapiError';
  readonly url: string;
  /** The HTTP status, or undefined when Strapi could not be reached (or answered something that is not JSON). */
  readonly status: number | undefined;
  readonly attempts: number;
  /** `said`: the start of Strapi's own answer, when it gave one. */
  constructor(url: string, problem: string, status: number | undefined, attempts: number, options?: ErrorOptions & { said?: string }) {
    const said = options?.said ? ` (Strapi said: ${options.said})` : '';
    super(`Strapi request GET ${url} failed with ${problem} after ${attempts} attempt(s)${said}. ${FIX}`, options);
    this.url = url;
    this.status = status;
    this.attempts = attempts;
  }
}

/**
 * How often a request is tried. Answers of 5xx and dropped or timed-out connections are retried
 * after `baseDelayMs`, doubling; any other answer is final.
 */
export type RetryPolicy = { attempts: number; baseDelayMs: number };

/** For a job someone waits for, with nothing behind it to try again (a site build, a reindex). */
export const JOB_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 500 };
/** For callers that retry whole items on their own schedule (search-sync's queue). */
export const NO_RETRY: RetryPolicy = { attempts: 1, baseDelayMs: 0 };

export type StrapiClientOptions = {
  baseUrl: string;
  /** An API token, sent as a bearer; none: anonymous. */
  token?: string | undefined;
  timeoutMs?: number;
  retry?: RetryPolicy;
};

const TRANSIENT_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'UND_ERR_SOCKET', 'EAI_AGAIN']);

function networkCode(err: unknown): string | undefined {
  if (!(err instanceof Error)) return undefined;
  const cause = err.cause;
  if (cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string') return cause.code;
  if ('code' in err && typeof err.code === 'string') return err.code;
  if (err.name === 'TimeoutError') return 'ETIMEDOUT';
  return undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class StrapiClient {
  readonly baseUrl: string;
  private readonly headers: Record<string, string>;
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;

  constructor(opts: StrapiClientOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    this.headers = { accept: 'application/json', ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) };
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.retry = opts.retry ?? JOB_RETRY;
  }

  /** The full URL of a path and query on this CMS. */
  url(path: string, query?: URLSearchParams): string {
    const search = query?.toString();
    return `${this.baseUrl}${path}${search ? `?${search}` : ''}`;
  }

  /**
   * GETs JSON, retrying as the client's policy says.
   * @returns the parsed body, or null for a 404 when `allow404` is set.
   * @throws StrapiError naming the URL, the last status or network error, and the fix.
   */
  async getJson<T>(path: string, query?: URLSearchParams, opts: { allow404?: boolean } = {}): Promise<T | null> {
    const url = this.url(path, query);
    let problem = 'no attempt';
    let status: number | undefined;
    let said = '';
    let cause: unknown;
    for (let attempt = 1; attempt <= this.retry.attempts; attempt++) {
      if (attempt > 1) await sleep(this.retry.baseDelayMs * 2 ** (attempt - 2));
      let res: Response;
      try {
        res = await fetch(url, { headers: this.headers, signal: AbortSignal.timeout(this.timeoutMs) });
      } catch (err) {
        const code = networkCode(err);
        problem = code ?? (err instanceof Error ? err.message : String(err));
        status = undefined;
        cause = err;
        if (code && TRANSIENT_CODES.has(code)) continue;
        throw new StrapiError(url, problem, undefined, attempt, { cause });
      }
      if (res.ok) {
        try {
          return (await res.json()) as T;
        } catch (err) {
          throw new StrapiError(url, `HTTP ${res.status} with a body that is not JSON`, undefined, attempt, { cause: err });
        }
      }
      if (opts.allow404 && res.status === 404) {
        await res.body?.cancel();
        return null;
      }
      status = res.status;
      said = (await res.text().catch(() => '')).slice(0, 300);
      problem = `HTTP ${res.status}`;
      if (res.status < 500) throw new StrapiError(url, problem, status, attempt, { said });
    }
    throw new StrapiError(url, problem, status, this.retry.attempts, { cause, said });
  }

  /**
   * Pages of `fetchPage(afterId)` until one comes back short, the next requested while the caller
   * works on the current one (keyset paging: an offset would shift when rows come and go). A page's
   * failure surfaces when the caller reaches it.
   */
  async *keyset<T extends { id: number }>(
    fetchPage: (afterId: number) => Promise<{ items: T[]; total?: number | undefined }>,
    pageSize: number,
  ): AsyncGenerator<{ items: T[]; total: number }> {
    const first = await fetchPage(0);
    const total = first.total ?? first.items.length;
    let page = first;
    while (true) {
      const last = page.items.at(-1);
      const next = last && page.items.length === pageSize ? fetchPage(last.id) : undefined;
      next?.catch(() => undefined);
      yield { items: page.items, total };
      if (!next) return;
      page = await next;
    }
  }

  /** True when the CMS answers its health endpoint. */
  async healthy(): Promise<boolean> {
    try {
      const res = await fetch(`${this.baseUrl}/_health`, { signal: AbortSignal.timeout(3_000) });
      await res.body?.cancel();
      return res.status < 500;
    } catch {
      return false;
    }
  }
}
