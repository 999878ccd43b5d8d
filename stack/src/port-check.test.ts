import { freePort } from '@stackguide/launch';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPorts, PortInUseError, type PortClaim } from './port-check.ts';

let server: net.Server;
let busy: number;

beforeAll(async () => {
  server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  busy = typeof address === 'object' && address ? address.port : 0;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const claim = (variable: string, port: number, alsoChange: string[] = []): PortClaim => ({ variable, host: '127.0.0.1', port, alsoChange });

describe('checkPorts', () => {
  it('passes when every port is free', async () => {
    await expect(
      checkPorts([claim('STRAPI_PORT', await freePort()), claim('SITE_PORT', await freePort())], '/r/.env'),
    ).resolves.toBeUndefined();
  });

  it('names the variable to change when its port is taken', async () => {
    const error = await checkPorts([claim('MEILI_PORT', await freePort()), claim('STRAPI_PORT', busy, ['STRAPI_URL'])], '/r/.env').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PortInUseError);
    expect((error as PortInUseError).claims.map((c) => c.variable)).toEqual(['STRAPI_PORT']);
    expect((error as Error).message).toContain(`Port ${busy} on 127.0.0.1 is already in use (STRAPI_PORT)`);
    expect((error as Error).message).toContain('set STRAPI_PORT to a free port and update STRAPI_URL to match');
    expect((error as Error).message).toContain('/r/.env');
  });

  it('rejects two parts configured on the same port', async () => {
    const port = await freePort();
    await expect(checkPorts([claim('SITE_PORT', port), claim('SEARCH_SYNC_PORT', port)], '/r/.env')).rejects.toThrow(
      /SEARCH_SYNC_PORT and SITE_PORT are both/,
    );
  });
});
