import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';
import { budgetKeyOf } from './client-address';

/**
 * The figures every connection lives by (docs/http-hardening.md says why each is what it is). Node's
 * header size cap (16 KB) already holds a Teams SSO token several times over and is left as it is.
 */
export const serverLimits = {
  /** All request headers must arrive within this. */
  headersTimeoutMs: 15_000,
  /** The whole request, body included: a 50 MB bulk upload needs about 3.5 Mbit/s to make it. */
  requestTimeoutMs: 120_000,
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: 10_000,
  maxHeadersCount: 100,
  /** Open connections at once; more are closed as they arrive. */
  maxConnections: 1_000,
  /**
   * Open connections at once from one address: a shift of 200 phones on one site's Wi-Fi opening the join
   * page together fits, and one address can never take every connection the server holds.
   */
  maxConnectionsPerAddress: 256,
} as const;

/**
 * Applies `serverLimits` to the listening server. Trusted proxies carry many people's connections, so
 * the per-address cap does not apply to them (the per-process cap still does).
 */
export function applyServerLimits(
  server: Server,
  isTrustedProxy: (address: string) => boolean = () => false,
): void {
  server.headersTimeout = serverLimits.headersTimeoutMs;
  server.requestTimeout = serverLimits.requestTimeoutMs;
  server.keepAliveTimeout = serverLimits.keepAliveTimeoutMs;
  server.maxHeadersCount = serverLimits.maxHeadersCount;
  server.maxConnections = serverLimits.maxConnections;
  guardConnections(server, isTrustedProxy);
}

/**
 * What Node leaves open: it never closes a connection that sends nothing at all (its header timeout
 * starts with the first byte, and is checked only every 30 s), so silent sockets from one address
 * could hold every connection slot for ever. Here a connection's first request must have arrived
 * within `headersTimeoutMs` of connecting, and one address holds at most `maxConnectionsPerAddress`.
 */
function guardConnections(server: Server, isTrustedProxy: (address: string) => boolean): void {
  const openByAddress = new Map<string, number>();
  const firstRequestDue = new WeakMap<Socket, NodeJS.Timeout>();
  server.on('connection', (socket: Socket) => {
    const peer = socket.remoteAddress ?? 'unknown';
    const address = budgetKeyOf(peer);
    const open = openByAddress.get(address) ?? 0;
    if (open >= serverLimits.maxConnectionsPerAddress && !isTrustedProxy(peer)) {
      socket.destroy();
      return;
    }
    openByAddress.set(address, open + 1);
    const due = setTimeout(() => socket.destroy(), serverLimits.headersTimeoutMs);
    due.unref();
    firstRequestDue.set(socket, due);
    socket.once('close', () => {
      clearTimeout(due);
      const left = (openByAddress.get(address) ?? 1) - 1;
      if (left > 0) openByAddress.set(address, left);
      else openByAddress.delete(address);
    });
  });
  const arrived = (req: IncomingMessage) => {
    const due = firstRequestDue.get(req.socket);
    if (!due) return;
    clearTimeout(due);
    firstRequestDue.delete(req.socket);
  };
  server.on('request', arrived);
  server.on('checkContinue', arrived);
}
