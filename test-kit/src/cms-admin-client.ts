import { solidPng } from './png.ts';

/**
 * Talks to the CMS the way an editor's browser does (admin login + content-manager API), so tests
 * and drills can create, publish, unpublish and delete content through the real Strapi.
 */
export type AdminClient = {
  /** Raw call to an admin route, e.g. `request('GET', '/content-manager/…')`. Throws on non-2xx. */
  request<T = unknown>(method: string, route: string, body?: unknown): Promise<T>;
  createArticle(data: Record<string, unknown>, opts?: { publish?: boolean }): Promise<{ documentId: string }>;
  updateArticle(documentId: string, data: Record<string, unknown>): Promise<void>;
  publish(documentId: string, uid?: string): Promise<void>;
  unpublish(documentId: string): Promise<void>;
  deleteDocument(documentId: string, uid?: string): Promise<void>;
  updateDocument(uid: string, documentId: string, data: Record<string, unknown>): Promise<void>;
  /** Uploads a solid-colour PNG to the media library with this alternative text; resolves with its id and URL path. */
  uploadImage(name: string, alternativeText: string): Promise<{ id: number; url: string }>;
};

export class AdminRequestError extends Error {
  override name = 'AdminRequestError';
  constructor(
    message: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(message);
  }
}

const ARTICLE = 'api::article.article';
const IMAGE = solidPng(64, 48, [200, 120, 40]);

/** Logs in with the admin credentials and returns a client bound to that session. */
export async function adminClient(baseUrl: string, email: string, password: string): Promise<AdminClient> {
  const login = await fetch(`${baseUrl}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new AdminRequestError(`admin login at ${baseUrl} failed: HTTP ${login.status}`, login.status, await login.text());
  const token = ((await login.json()) as { data: { token: string } }).data.token;

  async function request<T>(method: string, route: string, body?: unknown): Promise<T> {
    const isForm = body instanceof FormData;
    const res = await fetch(`${baseUrl}${route}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined || isForm ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? null : isForm ? body : JSON.stringify(body),
    });
    const text = await res.text();
    const parsed: unknown = text ? JSON.parse(text) : null;
    if (!res.ok) throw new AdminRequestError(`${method} ${route}: HTTP ${res.status} ${text.slice(0, 500)}`, res.status, parsed);
    return parsed as T;
  }
  const path = (uid: string, documentId = '') => `/content-manager/collection-types/${uid}${documentId ? `/${documentId}` : ''}`;

  return {
    request,
    async createArticle(data, opts) {
      const created = await request<{ data: { documentId: string } }>('POST', path(ARTICLE), data);
      if (opts?.publish) await request('POST', `${path(ARTICLE, created.data.documentId)}/actions/publish`, {});
      return { documentId: created.data.documentId };
    },
    async updateArticle(documentId, data) {
      await request('PUT', path(ARTICLE, documentId), data);
    },
    async publish(documentId, uid = ARTICLE) {
      await request('POST', `${path(uid, documentId)}/actions/publish`, {});
    },
    async unpublish(documentId) {
      await request('POST', `${path(ARTICLE, documentId)}/actions/unpublish`, {});
    },
    async deleteDocument(documentId, uid = ARTICLE) {
      await request('DELETE', path(uid, documentId));
    },
    async updateDocument(uid, documentId, data) {
      await request('PUT', path(uid, documentId), data);
    },
    async uploadImage(name, alternativeText) {
      const form = new FormData();
      form.append('files', new Blob([new Uint8Array(IMAGE)], { type: 'image/png' }), name);
      form.append('fileInfo', JSON.stringify({ name, alternativeText }));
      const [file] = await request<{ id: number; url: string }[]>('POST', '/upload', form);
      return { id: file!.id, url: file!.url };
    },
  };
}
