import type { IncomingMessage } from 'node:http';
import type { Request, Response } from 'restify';
import {
  budgetKeyOf,
  clientAddressOf,
  isTrustedProxy,
  resolveClientAddress,
} from '../../../src/server/http/client-address';

function request(peer: string, forwardedFor?: string): IncomingMessage {
  return {
    socket: { remoteAddress: peer },
    connection: { remoteAddress: peer },
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  } as unknown as IncomingMessage;
}

function resolve(trust: string[], req: IncomingMessage): string {
  resolveClientAddress(trust)(req as Request, {} as Response, () => undefined);
  return clientAddressOf(req);
}

describe('the client address behind proxies', () => {
  test('when no proxy is trusted, then X-Forwarded-For is ignored and the socket decides', () => {
    expect(resolve([], request('203.0.113.7', '198.51.100.1'))).toBe('203.0.113.7');
  });

  test('when the peer is a trusted proxy, then the address it forwarded is the client', () => {
    expect(resolve(['10.0.0.0/8'], request('10.1.2.3', '198.51.100.1'))).toBe('198.51.100.1');
  });

  test('when someone forges X-Forwarded-For through a trusted proxy, then only the hop the proxy saw counts', () => {
    expect(resolve(['10.0.0.0/8'], request('10.1.2.3', '1.2.3.4, 198.51.100.1'))).toBe('198.51.100.1');
  });

  test('when the peer is not a trusted proxy, then its own header is not believed', () => {
    expect(resolve(['10.0.0.0/8'], request('203.0.113.7', '198.51.100.1'))).toBe('203.0.113.7');
  });

  test('when asked about a socket peer, then only trusted proxies are exempt from the per-address cap', () => {
    const trusted = isTrustedProxy(['loopback']);
    expect(trusted('127.0.0.1')).toBe(true);
    expect(trusted('203.0.113.7')).toBe(false);
  });

  test.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::9', '2001:db8:1:2::/64'],
  ])('when a budget counts %s, then it counts it as %s', (address, key) => {
    expect(budgetKeyOf(address)).toBe(key);
  });
});
