import type { SSRManifest } from 'astro';
import { App } from 'astro/app';

/** A route of the compiled site, as the host needs it to pick one for a page. */
export type CompiledRoute = { route: string; type: string; params: string[]; origin: string };

/** What the compiled server entry exports (see render-adapter.ts). */
export type RenderExports = {
  /** Renders one request with `locals` as Astro.locals; `route` picks the route instead of matching the URL. */
  render(request: Request, locals: object, route?: string): Promise<Response>;
  routes(): CompiledRoute[];
};

/** A loader that imports once: Astro imports a page's module on every render. */
function once<T>(load: () => T | Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= Promise.resolve(load()));
}

type PageLoader = () => Promise<{ page: () => Promise<unknown> }>;

export function createExports(manifest: SSRManifest): RenderExports {
  // Each dynamic import, even of a module already loaded, goes through the host's module loader
  // (tsx resolves in a thread of its own): importing pages, actions and middleware once per
  // process, not on every render, took rendering from ~6 to ~2 ms a page.
  const pageMap = new Map(
    [...(manifest.pageMap ?? new Map())].map(([component, load]) => {
      const module = once(load as PageLoader);
      const page = once(async () => (await module()).page());
      return [component, once(async () => ({ ...(await module()), page }))];
    }),
  );
  // Not streamed: a page is rendered whole, so a failure is a 500 response, not a broken stream.
  const memo = <T>(load: (() => T | Promise<T>) | undefined) => (load ? once(load) : undefined);
  const app = new App({ ...manifest, pageMap, actions: memo(manifest.actions), middleware: memo(manifest.middleware) } as SSRManifest, false);
  const byRoute = new Map(manifest.routes.map((r) => [r.routeData.route, r.routeData]));
  return {
    render: (request, locals, route) => {
      const routeData = route === undefined ? undefined : byRoute.get(route);
      if (route !== undefined && !routeData) throw new Error(`the compiled site has no route ${route}`);
      return app.render(request, { locals, ...(routeData ? { routeData } : {}) });
    },
    routes: () =>
      manifest.routes.map(({ routeData: r }) => ({ route: r.route, type: r.type, params: r.params, origin: r.origin })),
  };
}
