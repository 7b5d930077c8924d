import { Writable } from 'node:stream';
import { createLogger } from '../../../src/infra/logging/logger';

/** Collects what the logger writes, as parsed JSON lines. */
function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger('info', stream), text: () => lines.join('') };
}

describe('logs', () => {
  test('when a request with credentials is logged carelessly, then no token or secret reaches the log', () => {
    const { logger, text } = capture();
    logger.info(
      {
        req: {
          headers: { authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.secret-payload.sig', cookie: 'session=abc' },
        },
        bot: { appId: 'app-id', appPassword: 'bot-client-secret' },
        graph: { clientSecret: 'graph-client-secret', token: 'access-token-value' },
        password: 'db-password',
      },
      'incoming',
    );
    const written = text();
    for (const secret of [
      'secret-payload',
      'session=abc',
      'bot-client-secret',
      'graph-client-secret',
      'access-token-value',
      'db-password',
    ]) {
      expect(written).not.toContain(secret);
    }
    expect(written).toContain('[redacted]');
    expect(JSON.parse(written).bot.appId).toBe('app-id');
  });
});
