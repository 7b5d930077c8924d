import type { IncomingMessage } from 'node:http';
import ipaddr from 'ipaddr.js';
import proxyAddr from 'proxy-addr';
import type { Next, Request, Response } from 'restify';

/**
 * Who is at the other end of a request: the socket's address, or, behind proxies named in `TRUST_PROXY`
 * (a load balancer, App Service's front end), the address they forwarded in `X-Forwarded-For`. Without
 * it every phone would share the proxy's address, and one person's budget would be everyone's. Only
 * hops from trusted proxies are believed, so nobody can pick their own address with the header.
 */
const addresses = new WeakMap<IncomingMessage, string>();

/** A `pre` handler that works out each request's client address once, for the handlers after it. */
export function resolveClientAddress(trustProxy: readonly string[]) {
  const trusted = proxyAddr.compile([...trustProxy]);
  return (req: Request, _res: Response, next: Next) => {
    addresses.set(req, proxyAddr(req, trusted));
    return next();
  };
}

/** The request's client address (see `resolveClientAddress`). */
export const clientAddressOf = (req: IncomingMessage): string =>
  addresses.get(req) ?? req.socket.remoteAddress ?? 'unknown';

/** Whether a socket's peer is one of the trusted proxies (they carry many people's connections). */
export function isTrustedProxy(trustProxy: readonly string[]): (address: string) => boolean {
  const trusted = proxyAddr.compile([...trustProxy]);
  return (address) => trusted(address, 0);
}

/**
 * Whom a per-address budget counts: an IPv4 address (an IPv4-mapped IPv6 one read as IPv4), or an IPv6
 * address's /64 network. One IPv6 subscriber is handed a whole /64, so counting single addresses would
 * let one phone or one server step round any budget by changing its last 64 bits.
 */
export function budgetKeyOf(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  return `${(parsed as ipaddr.IPv6).toNormalizedString().split(':').slice(0, 4).join(':')}::/64`;
}
