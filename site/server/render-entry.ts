import type { RouteData } from 'astro';
import { createApp } from 'astro/app/entrypoint';
import compiledRoutes from 'virtual:stackguide/routes';
import { type CompiledRoute, probePath } from './compiled-routes.ts';

/** What the compiled server entry exports (see render-adapter.ts). */
export type RenderExports = {
  /** Renders one request with `locals` as Astro.locals; `route` picks the route instead of matching the URL. */
  render(request: Request, locals: object, route?: string): Promise<Response>;
  routes(): CompiledRoute[];
};

// Not streamed: a page is rendered whole, so a failure is a 500 response, not a broken stream.
const app = createApp({ streaming: false });
const byPattern = new Map(compiledRoutes.map((r) => [r.route, r]));
const picked = new Map<string, RouteData>();

/** The RouteData of a route pattern, from app.match() on a path only that route takes (see probePath). */
function routeData(pattern: string): RouteData {
  const known = picked.get(pattern);
  if (known) return known;
  const route = byPattern.get(pattern);
  if (!route) throw new Error(`the compiled site has no route ${pattern}`);
  const path = probePath(route);
  const matched = app.match(new Request(new URL(path, 'http://site.invalid')), true);
  if (matched?.route !== pattern) throw new Error(`cannot address route ${pattern}: ${path} is taken by ${matched?.route ?? 'no route'}`);
  picked.set(pattern, matched);
  return matched;
}

export function render(request: Request, locals: object, route?: string): Promise<Response> {
  return app.render(request, { locals, ...(route === undefined ? {} : { routeData: routeData(route) }) });
}

export function routes(): CompiledRoute[] {
  return compiledRoutes;
}
