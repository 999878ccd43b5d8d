import fs from 'node:fs';
import net from 'node:net';

/** Lowest port freePort picks: above every port browsers refuse to load (the highest is 10080). */
export const LOWEST_PICK = 11_000;

/**
 * The first port of the range the OS gives outgoing connections their local ports from (Linux's
 * ip_local_port_range; its default elsewhere).
 */
export function ephemeralStart(): number {
  try {
    const [low] = fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (low && Number.isInteger(low)) return low;
  } catch {
    // Not Linux: the default of Linux and of most others.
  }
  return 32_768;
}

/**
 * A free TCP port on loopback. Picked at random below the ephemeral range, not assigned by the OS
 * from it: a child such as Strapi binds the port only seconds later, once it has booted, and in the
 * meantime any outgoing connection on the machine can take an ephemeral port as its local one
 * ("port already used" at Strapi's start). Falls back to one the OS assigns when that range is too
 * small or full.
 */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const below = ephemeralStart();
  if (below - LOWEST_PICK >= 1_000)
    for (let tries = 0; tries < 20; tries++) {
      const port = LOWEST_PICK + Math.floor(Math.random() * (below - LOWEST_PICK));
      if (!(await portInUse(port, host))) return port;
    }
  return assignedPort(host);
}

function assignedPort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not read the port the OS assigned'));
      });
    });
  });
}

/** True when something already listens on host:port. */
export async function portInUse(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(true));
    server.listen(port, host, () => server.close(() => resolve(false)));
  });
}
