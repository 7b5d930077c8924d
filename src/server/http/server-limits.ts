import type { Server } from 'node:http';

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
} as const;

/** Applies `serverLimits` to the listening server. */
export function applyServerLimits(server: Server): void {
  server.headersTimeout = serverLimits.headersTimeoutMs;
  server.requestTimeout = serverLimits.requestTimeoutMs;
  server.keepAliveTimeout = serverLimits.keepAliveTimeoutMs;
  server.maxHeadersCount = serverLimits.maxHeadersCount;
  server.maxConnections = serverLimits.maxConnections;
}
