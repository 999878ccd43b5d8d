import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { ephemeralStart, freePort, LOWEST_PICK, portInUse } from './ports.ts';

describe('freePort', () => {
  it('picks a free port below the range outgoing connections take theirs from', async () => {
    const ports = await Promise.all(Array.from({ length: 5 }, () => freePort()));
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(LOWEST_PICK);
      expect(port).toBeLessThan(ephemeralStart());
      expect(await portInUse(port)).toBe(false);
    }
  });

  it('tells a port something listens on', async () => {
    const server = net.createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    try {
      expect(await portInUse(port)).toBe(true);
    } finally {
      server.close();
    }
  });
});
