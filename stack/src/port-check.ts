import { portInUse } from '@stackguide/launch';
import type { StackConfig } from './config.ts';

export type PortClaim = { variable: string; host: string; port: number; alsoChange: string[] };

export class PortInUseError extends Error {
  override name = 'PortInUseError';
  constructor(
    readonly claims: PortClaim[],
    message: string,
  ) {
    super(message);
  }
}

/** The ports `npm start` will listen on, with the variable that sets each (Meilisearch's only when local, the embedder's only when on). */
export function portClaims(config: StackConfig): PortClaim[] {
  const claims: PortClaim[] = [
    { variable: 'STRAPI_PORT', host: config.STRAPI_HOST, port: config.STRAPI_PORT, alsoChange: ['STRAPI_URL'] },
    { variable: 'SEARCH_SYNC_PORT', host: config.SEARCH_SYNC_HOST, port: config.SEARCH_SYNC_PORT, alsoChange: ['SEARCH_SYNC_URL'] },
    { variable: 'SITE_PORT', host: config.SITE_HOST, port: config.SITE_PORT, alsoChange: ['SITE_URL', 'SITE_BUILD_HOOK_URL'] },
  ];
  if (config.EMBEDDER_URL)
    claims.push({ variable: 'EMBEDDER_PORT', host: config.EMBEDDER_HOST, port: config.EMBEDDER_PORT, alsoChange: ['EMBEDDER_URL'] });
  if (!config.MEILI_URL) claims.push({ variable: 'MEILI_PORT', host: '127.0.0.1', port: config.MEILI_PORT, alsoChange: [] });
  return claims;
}

/**
 * Checks, before anything starts, that no two parts share a port and that nothing else listens on one.
 * @throws PortInUseError naming each variable to change.
 */
export async function checkPorts(claims: PortClaim[], envFile: string): Promise<void> {
  const problems: string[] = [];
  const bad: PortClaim[] = [];
  const seen = new Map<number, PortClaim>();
  for (const claim of claims) {
    const earlier = seen.get(claim.port);
    if (earlier) {
      bad.push(claim);
      problems.push(`${claim.variable} and ${earlier.variable} are both ${claim.port}; give ${claim.variable} another port${also(claim)}.`);
      continue;
    }
    seen.set(claim.port, claim);
    if (await portInUse(claim.port, claim.host)) {
      bad.push(claim);
      problems.push(
        `Port ${claim.port} on ${claim.host} is already in use (${claim.variable}). ` +
          `Stop what listens there (another \`npm start\`?) or set ${claim.variable} to a free port${also(claim)}.`,
      );
    }
  }
  if (problems.length > 0) throw new PortInUseError(bad, `${problems.join('\n')}\nVariables live in ${envFile} (or the environment).`);
}

const also = (claim: PortClaim) => (claim.alsoChange.length ? ` and update ${claim.alsoChange.join(' and ')} to match` : '');
