import http from 'node:http';
import type { StrapiArticle } from '../src/strapi-client.ts';

/**
 * A small stand-in for Strapi's REST API (published articles only), so sync behaviour can be tested
 * without the 30 s CMS boot. Speaks the same response shapes as the real CMS.
 */
export type FakeStrapi = {
  url: string;
  token: string;
  articles: Map<string, StrapiArticle>;
  /** Path and query of every authorised request, in order. */
  requests: string[];
  /** documentIds answered with this status instead of the article. */
  failWith: Map<string, number>;
  /** While set, article requests wait until `release()`. */
  hold(): void;
  release(): void;
  stop(): Promise<void>;
};

export function makeArticle(n: number, over: Partial<StrapiArticle> = {}): StrapiArticle {
  const stamp = new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString();
  return {
    id: n,
    documentId: `doc${String(n).padStart(4, '0')}`,
    title: `Zebra handbook article ${n}`,
    slug: `zebra-article-${n}`,
    excerpt: `Excerpt ${n}`,
    body: [{ type: 'paragraph', children: [{ type: 'text', text: `Body of article ${n} about queues.` }] }],
    updatedAt: stamp,
    publishedAt: stamp,
    roles: [{ documentId: 'role-backend', name: 'Backend developer', slug: 'backend-developer' }],
    skills: [{ documentId: 'skill-pg', name: 'PostgreSQL', slug: 'postgresql' }],
    ...over,
  };
}

export async function startFakeStrapi(token = 'fake-read-token'): Promise<FakeStrapi> {
  const articles = new Map<string, StrapiArticle>();
  const failWith = new Map<string, number>();
  const requests: string[] = [];
  let held: Promise<void> | undefined;
  let releaseHeld: (() => void) | undefined;
  const release = () => {
    releaseHeld?.();
    held = undefined;
  };

  const send = (res: http.ServerResponse, status: number, body?: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(body === undefined ? undefined : JSON.stringify(body));
  };
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/_health') return send(res, 204);
    if (req.headers.authorization !== `Bearer ${token}`) return send(res, 401, { error: { status: 401 } });
    requests.push(decodeURIComponent(`${url.pathname}${url.search}`));
    if (held) await held;
    const one = /^\/api\/articles\/([^/]+)$/.exec(url.pathname);
    if (one) {
      const id = decodeURIComponent(one[1]!);
      const status = failWith.get(id);
      if (status) return send(res, status, { error: { status } });
      const article = articles.get(id);
      return article ? send(res, 200, { data: article, meta: {} }) : send(res, 404, { data: null, error: { status: 404 } });
    }
    if (url.pathname === '/api/articles') {
      const q = url.searchParams;
      const role = q.get('filters[roles][documentId][$eq]');
      const skill = q.get('filters[skills][documentId][$eq]');
      const ids = [...q.entries()].filter(([k]) => k.startsWith('filters[documentId][$in]')).map(([, v]) => v);
      const rejected = ids.map((id) => failWith.get(id)).find(Boolean);
      if (rejected) return send(res, rejected, { error: { status: rejected } });
      const all = [...articles.values()]
        .filter((a) => !role || a.roles?.some((r) => r.documentId === role))
        .filter((a) => !skill || a.skills?.some((s) => s.documentId === skill))
        .filter((a) => ids.length === 0 || ids.includes(a.documentId))
        .sort((a, b) => a.id - b.id);
      const page = Number(q.get('pagination[page]') ?? 1);
      const pageSize = Number(q.get('pagination[pageSize]') ?? 25);
      const data = all.slice((page - 1) * pageSize, page * pageSize);
      const pageCount = Math.max(1, Math.ceil(all.length / pageSize));
      return send(res, 200, { data, meta: { pagination: { page, pageSize, pageCount, total: all.length } } });
    }
    return send(res, 404, { error: { status: 404 } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    articles,
    requests,
    failWith,
    hold() {
      held ??= new Promise((resolve) => (releaseHeld = resolve));
    },
    release,
    async stop() {
      release();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
