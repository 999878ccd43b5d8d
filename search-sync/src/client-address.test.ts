import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address.ts';

const request = (remoteAddress: string, forwarded?: string) =>
  ({ socket: { remoteAddress }, headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } }) as unknown as IncomingMessage;

describe('clientAddress', () => {
  it('is the peer address without a proxy header', () => {
    expect(clientAddress(request('203.0.113.7'))).toBe('203.0.113.7');
  });

  it('takes the address a proxy on a private network added last', () => {
    expect(clientAddress(request('172.18.0.5', '198.51.100.1, 203.0.113.9'))).toBe('203.0.113.9');
    expect(clientAddress(request('::ffff:127.0.0.1', '203.0.113.9'))).toBe('203.0.113.9');
  });

  it('ignores the header from a public peer, and a header that is not an address', () => {
    expect(clientAddress(request('203.0.113.7', '10.0.0.1'))).toBe('203.0.113.7');
    expect(clientAddress(request('10.0.0.2', 'unknown'))).toBe('10.0.0.2');
  });
});
