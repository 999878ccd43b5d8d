import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { keyOf } from '../src/lib/digest.ts';
import type { RelatedLists } from '../src/lib/affected.ts';
import { redirectMap } from '../src/lib/redirects.ts';
import type { RenderConfig } from '../src/lib/render-config.ts';
import { ROUTES, sitePages, type SitePage } from '../src/lib/site-pages.ts';
import { siteModel } from '../src/lib/site-model.ts';
import type { ContentChange, Snapshot } from '../src/lib/snapshot.ts';
import type { BodyReader } from '../src/strapi/schemas.ts';
import type { StrapiConnection } from '../src/strapi/strapi-snapshot.ts';
import type { BodyStore } from './body-store.ts';
import { type BuildContents, contentsOf, recycle } from './build-contents.ts';
import { compileSite, type CompiledSite } from './compile.ts';
import { fetchChanges, fetchEverything, type Fetched } from './content-fetch.ts';
import { type FetchTimes, recordFetches } from './fetch-times.ts';
import { IMAGE_URL_DIR, ImageStore } from './images.ts';
import { OutputDir } from './output-files.ts';
import { planPages } from './page-plan.ts';
import type { BuildKind } from '@stackguide/contracts/site-status';
import { loadCompiled, otherStaticPages, renderPage } from './page-renderer.ts';
import { renderInWorkers } from './render-pool.ts';
import { HEADERS_FILE, headersFile, siteHeaders } from './security-headers.ts';
import { redirectFiles } from './redirect-files.ts';

/** What the next build needs to know about the one being served: its contents, and more. */
export type SiteState = BuildContents &
  FetchTimes & {
    /** The compiled server entry these pages were rendered with (the preview renders through it too). */
    serverEntry: string;
    snapshot: Snapshot;
    /** Each article's related list in these pages: what the next incremental build compares a change with. */
    related: RelatedLists;
    /** Where the snapshot's article bodies are. */
    bodies: BodyReader;
    /** The build served before this one: the directory the next incremental build recycles. */
    spare: BuildContents | null;
  };

export type { BuildKind } from '@stackguide/contracts/site-status';

/** One finished build: its state and what it did. */
export type SiteBuild = { state: SiteState; kind: BuildKind; pages: number; rendered: number; changedEntries: number };

export type BuildContext = {
  siteRoot: string;
  /** Compiled code and prepared images (see compileSite). */
  cacheDir: string;
  connection: StrapiConnection;
  config: RenderConfig;
  images: ImageStore;
  bodies: BodyStore;
  log: Logger;
};

/** What a build is asked to do: `changes` null means "something changed, find out what". */
export type BuildRequest = { changes: ContentChange[] | null; full: boolean };

/** How many pages render at once: rendering is CPU work, a few in flight keep the writes overlapped. */
const RENDER_BATCH = 16;
/** From this many pages on, rendering goes to worker threads (starting them costs about a second). */
const WORKER_THRESHOLD = Number(process.env.SITE_RENDER_WORKERS_FROM ?? 2_000);

function whyFull(previous: SiteState | null, compiled: CompiledSite, configKey: string, request: BuildRequest): string | null {
  if (!previous) return 'first build';
  if (request.full) return 'full build asked for';
  if (previous.compiledHash !== compiled.hash) return 'the site code changed';
  if (previous.configKey !== configKey) return 'the render configuration changed';
  return null;
}

async function fetchContent(ctx: BuildContext, previous: SiteState | null, full: boolean, request: BuildRequest): Promise<Fetched> {
  const stores = { images: ctx.images, bodies: ctx.bodies };
  if (full || !previous || request.changes === null) return fetchEverything(ctx.connection, stores, previous?.snapshot);
  return fetchChanges(ctx.connection, stores, previous.snapshot, request.changes);
}

/**
 * Builds the site into `outDir` (a fresh directory): a full build renders every page; an
 * incremental one fetches what changed, renders the pages whose key changed and hard-links every
 * other file from the served build in `previous.dir`. Compiles first when the code changed.
 * @throws CompileError, StrapiError, StrapiContentError, EmptySiteError, ImageError, RenderError, SiteError.
 */
export async function buildSite(
  ctx: BuildContext,
  outDir: string,
  previous: SiteState | null,
  request: BuildRequest,
  onKind: (kind: BuildKind) => void = () => undefined,
): Promise<SiteBuild> {
  const startedAt = Date.now();
  const compiled = await compileSite(ctx.siteRoot, ctx.cacheDir, (line) => ctx.log.debug({ astro: line }));
  const configKey = keyOf(ctx.config);
  const reason = whyFull(previous, compiled, configKey, request);
  const kind: BuildKind = reason ? 'full' : 'incremental';
  onKind(kind);
  ctx.log.info({ kind, reason: reason ?? undefined, changes: request.changes?.length ?? 'unknown' }, 'building');
  const { snapshot, changedEntries } = await fetchContent(ctx, previous, kind === 'full', request);
  const fetchedMs = Date.now() - startedAt;

  const model = siteModel(snapshot);
  const site = await loadCompiled(compiled);
  const pages = sitePages(model);
  const others = otherStaticPages(site, new Set(Object.values(ROUTES)));
  const served = kind === 'incremental' ? previous : null;
  const { keys, related } = planPages({ model, snapshot, pages, others, served, builtAt: startedAt });

  const out = new OutputDir(outDir);
  const spare = served ? await recycle(served.spare, compiled.hash, configKey, outDir) : null;
  if (!spare) {
    await fs.mkdir(outDir, { recursive: true });
    await out.linkTree(compiled.clientDir);
    // A recycled build was rendered with the same configuration, so its headers file stands.
    await out.write(HEADERS_FILE, Buffer.from(headersFile(siteHeaders(ctx.config))));
  }
  const images = new Set([...snapshot.articles.values()].flatMap(ImageStore.files));
  const imageFile = (file: string) => `${IMAGE_URL_DIR.slice(1)}${file}`;
  await out.linkAll(
    [...images].filter((file) => !spare?.images.has(file)).map((file) => [path.join(ctx.images.dir, file), imageFile(file)]),
  );

  const locals = { model, config: ctx.config, bodies: ctx.bodies };
  const toRender: SitePage[] = [];
  const unchanged: [string, string][] = [];
  for (const page of [...pages, ...others]) {
    const key = keys.get(page.file);
    if (spare?.keys.get(page.file) === key) continue;
    if (served && served.keys.get(page.file) === key) unchanged.push([path.join(served.dir, page.file), page.file]);
    else toRender.push(page);
  }
  if (spare) {
    for (const file of spare.keys.keys()) if (!keys.has(file)) await out.remove(file);
    for (const file of spare.images) if (!images.has(file)) await out.remove(imageFile(file));
  }
  await out.linkAll(unchanged);
  const renderStarted = Date.now();
  if (toRender.length >= WORKER_THRESHOLD) {
    ctx.log.info({ pages: toRender.length }, 'rendering on worker threads');
    await renderInWorkers({
      serverEntry: compiled.serverEntry,
      snapshot,
      bodiesDir: ctx.bodies.dir,
      config: ctx.config,
      pages: toRender,
      outDir,
    });
  } else
    for (let i = 0; i < toRender.length; i += RENDER_BATCH) {
      await Promise.all(
        toRender
          .slice(i, i + RENDER_BATCH)
          .map(async (page) => out.write(page.file, await renderPage(site, page, ctx.config.siteUrl, locals))),
      );
    }
  // A few bytes per old address: written whole every build, so no build can keep a stale map.
  const redirects = redirectMap(model, [...pages, ...others]);
  for (const [file, text] of redirectFiles(redirects)) await out.write(file, Buffer.from(text));
  ctx.log.info(
    {
      kind,
      pages: keys.size,
      rendered: toRender.length,
      linked: unchanged.length,
      redirects: redirects.size,
      recycled: spare !== null,
      changedEntries,
      fetchMs: fetchedMs,
      renderMs: Date.now() - renderStarted,
      ms: Date.now() - startedAt,
    },
    'build written',
  );

  // The served build's bodies stay until the next build: it is served (and previewed) until the switch.
  ctx.bodies.retain([...bodyKeys(snapshot), ...(previous ? bodyKeys(previous.snapshot) : [])]);
  return {
    state: {
      dir: outDir,
      compiledHash: compiled.hash,
      serverEntry: compiled.serverEntry,
      configKey,
      snapshot,
      related,
      bodies: ctx.bodies,
      keys,
      ...recordFetches(previous, request.changes, kind === 'full', startedAt),
      images,
      spare: previous && contentsOf(previous),
    },
    kind,
    pages: keys.size,
    rendered: toRender.length,
    changedEntries,
  };
}

/** The bodies a snapshot's articles point at. */
function bodyKeys(snapshot: Snapshot): string[] {
  return [...snapshot.articles.values()].map((a) => a.body.key);
}
