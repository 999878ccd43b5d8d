import type { IntegrationResolvedRoute, RoutePart } from 'astro';

/** A route of the compiled site, as the host needs it to pick one for a page. */
export type CompiledRoute = {
  route: string;
  type: IntegrationResolvedRoute['type'];
  params: string[];
  origin: IntegrationResolvedRoute['origin'];
  segments: RoutePart[][];
};

/** What the adapter keeps of a route Astro resolved (astro:routes:resolved): plain JSON, compiled into the entry. */
export function compiledRoute(route: IntegrationResolvedRoute): CompiledRoute {
  return { route: route.pattern, type: route.type, params: route.params, origin: route.origin, segments: route.segments };
}

/** A value for a dynamic part that no static route of the site spells. */
const PROBE_PARAM = '~probe~';

/**
 * A path that `route` matches and that no more specific route can take from it: each static part
 * as written, each param a value no route spells, each rest param empty. The host asks Astro's
 * public `app.match()` for this path to obtain the route's RouteData, since a page's own URL may be
 * taken by a more specific route (`/articles/2/` matches `/articles/[slug]` before `/articles/[...page]`).
 */
export function probePath(route: Pick<CompiledRoute, 'segments'>): string {
  const segments = route.segments
    .map((parts) => parts.map((p) => (!p.dynamic ? p.content : p.spread ? '' : PROBE_PARAM)).join(''))
    .filter((segment) => segment !== '');
  return `/${segments.join('/')}`;
}
