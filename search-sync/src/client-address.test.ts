import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress, visitorKey } from './client-address.ts';

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

describe('visitorKey', () => {
  it('is an IPv4 address itself, also when mapped into IPv6', () => {
    expect(visitorKey('203.0.113.7')).toBe('203.0.113.7');
    expect(visitorKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('is the /64 network of an IPv6 address, however it is written', () => {
    const network = '2001:db8:0:12::/64';
    for (const address of ['2001:db8::12:0:0:0:1', '2001:0db8:0000:0012:ffff:1:2:3', '2001:DB8:0:12::9', '2001:db8:0:12::1.2.3.4'])
      expect(visitorKey(address), address).toBe(network);
    expect(visitorKey('2001:db8:0:13::1')).not.toBe(network);
    expect(visitorKey('::1')).toBe('0:0:0:0::/64');
    expect(visitorKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
});
