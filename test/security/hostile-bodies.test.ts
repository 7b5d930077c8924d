import { gzipSync } from 'node:zlib';
import { rawRequest } from '../support/raw-http';
import { json, targetUnderAttack } from './support/target-process';

/**
 * Bodies an attacker sends without signing in, against a real process: each is refused with a coded
 * answer, the server keeps answering `/healthz` within 200 ms, and nothing is left in its temp dir.
 */
const target = targetUnderAttack();

/** A multipart form with one file, as bytes and the Content-Type that goes with them. */
async function multipart(megabytes: number): Promise<{ body: Uint8Array; contentType: string }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(megabytes * 1024 * 1024)]), 'payload.bin');
  const encoded = new Request('http://encoder.invalid/', { method: 'POST', body: form });
  return {
    body: new Uint8Array(await encoded.arrayBuffer()),
    contentType: encoded.headers.get('content-type') ?? '',
  };
}

describe('hostile request bodies', () => {
  test('when a gzip bomb is posted to the bot, then 415 UNSUPPORTED_CONTENT_ENCODING and nothing is inflated', async () => {
    const bomb = gzipSync(Buffer.alloc(100 * 1024 * 1024), { level: 9 });
    const response = await fetch(`${target().url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: bomb,
    });
    expect(response.status).toBe(415);
    expect((await json(response)).error.code).toBe('UNSUPPORTED_CONTENT_ENCODING');
  });

  test.each(['/api/messages', '/api/v1/groups'])(
    'when a 20 MB multipart form is posted to %s, then 415 UNSUPPORTED_MEDIA_TYPE and no file lands on disk',
    async (path) => {
      // Sent with node:http, which reads an answer that comes before the body is sent (fetch does not).
      const { body, contentType } = await multipart(20);
      const answer = await rawRequest(`${target().url}${path}`, {
        headers: { 'content-type': contentType },
        body,
      });
      expect(answer.status).toBe(415);
      expect(answer.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(answer.closed).toBe(true);
    },
  );

  test('when bulk upload gets its multipart form, then it is accepted and still nothing lands in the temp dir', async () => {
    const form = new FormData();
    form.append('kind', 'user-group-mapping');
    form.append(
      'file',
      new Blob(['Group Name,Phone Number,User Type\nDrivers,+91 98100 00001,Member\n']),
      'a.csv',
    );
    const response = await fetch(`${target().url}/api/v1/uploads`, { method: 'POST', body: form });
    expect(response.status).toBe(201);
  });

  test('when a chunked body runs past the limit, then 413 BODY_TOO_LARGE comes at once and the socket is closed', async () => {
    const answer = await rawRequest(`${target().url}/api/messages`, {
      headers: { 'content-type': 'application/json' },
      chunked: { chunks: 100_000, chunkBytes: 64 * 1024, neverEnd: true },
    });
    expect(answer.status).toBe(413);
    expect(answer.body.error).toMatchObject({ code: 'BODY_TOO_LARGE', details: { limitBytes: 1024 * 1024 } });
    expect(answer.answeredAfterMs).toBeLessThan(2000);
    expect(answer.closed).toBe(true);
  });

  test.each(['/api/messages', '/api/v1/groups'])(
    'when JSON nested 100,000 deep is posted to %s, then 400 JSON_TOO_DEEP',
    async (path) => {
      const response = await fetch(`${target().url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      });
      expect(response.status).toBe(400);
      expect((await json(response)).error.code).toBe('JSON_TOO_DEEP');
    },
  );
});
