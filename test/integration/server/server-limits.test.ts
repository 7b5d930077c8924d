import { connect } from 'node:net';
import { serverLimits } from '../../../src/server/http/server-limits';
import { type AppHarness, startHarness } from '../../support/app-harness';

let h: AppHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('the limits every connection lives by', () => {
  test('when the server listens, then it holds connections to the documented timeouts and caps', () => {
    const server = h.app.server.server;
    expect({
      headersTimeoutMs: server.headersTimeout,
      requestTimeoutMs: server.requestTimeout,
      keepAliveTimeoutMs: server.keepAliveTimeout,
      maxHeadersCount: server.maxHeadersCount,
      maxConnections: server.maxConnections,
      maxConnectionsPerAddress: serverLimits.maxConnectionsPerAddress,
    }).toEqual(serverLimits);
    expect(serverLimits).toEqual({
      headersTimeoutMs: 15_000,
      requestTimeoutMs: 120_000,
      keepAliveTimeoutMs: 10_000,
      maxHeadersCount: 100,
      maxConnections: 1_000,
      maxConnectionsPerAddress: 256,
    });
  });

  test('when a request has more than 16 KB of headers, then 431 and the connection closes', async () => {
    const { port } = new URL(h.app.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1');
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk;
      });
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
      socket.write(
        `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Padding: ${'a'.repeat(17 * 1024)}\r\n\r\n`,
      );
    });
    expect(answer).toMatch(/^HTTP\/1\.1 431/);
  });
});
