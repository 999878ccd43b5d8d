import fs from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SiteBuilder } from './builder.ts';
import { HOOK_PATH, createSiteServer } from './http-server.ts';

const SECRET = 'hook-secret';
let buildsDir: string;
let builds: number;
let builder: SiteBuilder;
let server: http.Server;
let hookUrl: string;

beforeEach(async () => {
  buildsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-hook-'));
  builds = 0;
  builder = new SiteBuilder({
    buildsDir,
    debounceMs: 0,
    logger: pino({ level: 'silent' }),
    build: async (outDir) => {
      builds += 1;
      fs.mkdirSync(outDir, { recursive: true });
      fs.writeFileSync(path.join(outDir, 'index.html'), `build ${builds}`);
    },
  });
  server = createSiteServer(builder, SECRET, pino({ level: 'silent' }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}${HOOK_PATH}`;
});
afterEach(async () => {
  builder.close();
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(buildsDir, { recursive: true, force: true });
});

const hook = (body?: string) =>
  fetch(hookUrl, { method: 'POST', headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' }, body: body ?? null });

describe('build hook', () => {
  it('skips the rebuild when the served build started after the change it is told about', async () => {
    const changedAt = new Date(Date.now() - 60_000).toISOString();
    await builder.buildNow();
    const res = await hook(JSON.stringify({ source: 'search-sync', changedAt }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'up to date' });
    await builder.idle();
    expect(builds).toBe(1);
  });

  it('rebuilds for a change newer than the served build, or when not told when it changed', async () => {
    await builder.buildNow();
    const res = await hook(JSON.stringify({ source: 'search-sync', changedAt: new Date(Date.now() + 1_000).toISOString() }));
    expect(res.status).toBe(202);
    await builder.idle();
    expect(builds).toBe(2);
    expect((await hook()).status).toBe(202);
    await builder.idle();
    expect(builds).toBe(3);
  });

  it('rebuilds when nothing has been built yet', async () => {
    expect((await hook(JSON.stringify({ changedAt: new Date(0).toISOString() }))).status).toBe(202);
    await builder.idle();
    expect(builds).toBe(1);
  });

  it('refuses a body that is not JSON, a date it cannot read, and an oversized body, without building', async () => {
    const bad = await hook('changedAt=yesterday');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/JSON/);
    expect((await hook(JSON.stringify({ changedAt: 'yesterday' }))).status).toBe(400);
    expect((await hook(JSON.stringify({ pad: 'x'.repeat(10_000) }))).status).toBe(413);
    await builder.idle();
    expect(builds).toBe(0);
  });
});
