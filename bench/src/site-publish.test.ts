import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AdminClient } from '@stackguide/test-kit';
import { afterEach, describe, expect, it } from 'vitest';
import type { SystemUnderTest } from './running-system.ts';
import { sample } from './site-publish.ts';

const MODELS = [
  { documentId: 'a1', slug: 'first', title: 'First title', roles: [], skills: [] },
  { documentId: 'a2', slug: 'second', title: 'Second title', roles: [], skills: [] },
];

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** Serves the listing the bench reads its models from, and every article page as live. */
async function fakeStrapiAndSite(): Promise<string> {
  server = http.createServer((req, res) => {
    res.setHeader('content-type', req.url?.startsWith('/api/') ? 'application/json' : 'text/html');
    res.end(req.url?.startsWith('/api/articles') ? JSON.stringify({ data: MODELS }) : '<html></html>');
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

describe('site-publish sample', () => {
  it('publishes the edited titles back and deletes its probes when a sample fails', async () => {
    const url = await fakeStrapiAndSite();
    const calls: string[] = [];
    let probes = 0;
    let editing = false;
    const admin = {
      async createArticle() {
        probes += 1;
        return { documentId: `probe${probes}` };
      },
      async updateArticle(documentId: string, data: Record<string, unknown>) {
        editing = String(data.title).startsWith('Edited by');
        calls.push(`update ${documentId} ${String(data.title).startsWith('Edited by') ? 'edited' : data.title}`);
      },
      async publish(documentId: string) {
        if (editing) throw new Error('Strapi refused the edit');
        calls.push(`publish ${documentId}`);
      },
      async deleteDocument(documentId: string) {
        calls.push(`delete ${documentId}`);
      },
    } as unknown as AdminClient;
    const system: SystemUnderTest = {
      admin,
      siteUrl: url,
      strapiUrl: url,
      readToken: 'token',
      idle: async () => undefined,
      siteStatus: async () => ({ current: null, building: null, lastFailure: null, pending: false }),
    };

    await expect(sample(system, 2, () => undefined)).rejects.toThrow('Strapi refused the edit');

    expect(calls).toEqual([
      'publish probe1',
      'publish probe2',
      'update a1 edited',
      'update a1 First title',
      'publish a1',
      'delete probe1',
      'delete probe2',
    ]);
  });
});
