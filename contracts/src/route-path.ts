/**
 * Routes with one parameter, written as templates (`/admin/documents/:id`), so the server that
 * answers a route and the client that calls it read the same text.
 */

/** The path for one id: the template with `:id` replaced by the encoded id. */
export function fillPath(template: string, id: string): string {
  return template.replace(':id', encodeURIComponent(id));
}

/** A pattern matching the template's paths exactly; group 1 is the still-encoded id. */
export function pathPattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(':id', '([^/]+)')}$`);
}
