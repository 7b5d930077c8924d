import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { Request, Response as RestifyResponse, Server } from 'restify';
import { MAX_JOIN_FORM_BYTES, MAX_JSON_BYTES, MAX_JSON_DEPTH } from '../../../src/server/http/body-rules';
import { readRequestBodies } from '../../../src/server/http/request-bodies';
import { restify } from '../../../src/server/http/restify';
import { rawRequest } from '../../support/raw-http';

/** A JSON answer, loosely typed: each test asserts the shape it relies on. */
// biome-ignore lint/suspicious/noExplicitAny: answers are checked by the assertions, not the compiler.
const json = (response: globalThis.Response): Promise<any> => response.json();

/**
 * The body reader in front of a bare restify server whose routes echo what they were given: the
 * parsed body, or the bytes of the stream on the two upload routes. The contract the join page and
 * the API rely on is exercised here route by route.
 */
let server: Server;
let url: string;

beforeAll(async () => {
  server = restify.createServer({ handleUncaughtExceptions: false });
  server.pre(readRequestBodies());
  const echoBody = async (req: Request, res: RestifyResponse) => {
    res.send(200, { body: req.body ?? null });
  };
  const echoStream = async (req: Request, res: RestifyResponse) => {
    let bytes = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) bytes += chunk.length;
    res.send(200, { streamedBytes: bytes, contentType: req.headers['content-type'] });
  };
  server.post('/api/v1/groups', echoBody);
  server.post('/api/messages', echoBody);
  server.post('/join/:token', echoBody);
  server.post('/api/v1/uploads', echoStream);
  server.post('/api/v1/rollout/resources', echoStream);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const post = (
  path: string,
  contentType: string | undefined,
  body: RequestInit['body'],
  headers: Record<string, string> = {},
) =>
  fetch(`${url}${path}`, {
    method: 'POST',
    headers: { ...(contentType ? { 'content-type': contentType } : {}), ...headers },
    body,
  });

describe('request bodies, read by route', () => {
  test('when the API gets JSON, then the route sees the parsed object', async () => {
    const response = await post('/api/v1/groups', 'application/json; charset=utf-8', '{"name":"Drivers"}');
    expect(await json(response)).toEqual({ body: { name: 'Drivers' } });
  });

  test('when a POST carries no body at all, then the route runs with none', async () => {
    const response = await fetch(`${url}/api/v1/groups`, { method: 'POST' });
    expect(await json(response)).toEqual({ body: null });
  });

  test('when the join page posts its form, then the route sees a plain object of its fields', async () => {
    const response = await post(
      '/join/AbCdEfGhIjKlMnOpQrStUv',
      'application/x-www-form-urlencoded',
      'choice=join&__proto__=x&name=Ana+Mar%C3%ADa',
    );
    const { body } = await json(response);
    expect(body).toEqual({ choice: 'join', name: 'Ana María', ['__proto__']: 'x' });
  });

  test('when a join form is larger than its few KB, then 413 BODY_TOO_LARGE says the limit', async () => {
    const response = await post(
      '/join/x',
      'application/x-www-form-urlencoded',
      `a=${'x'.repeat(MAX_JOIN_FORM_BYTES)}`,
    );
    expect(response.status).toBe(413);
    expect((await json(response)).error).toMatchObject({
      code: 'BODY_TOO_LARGE',
      message: 'The request body is larger than the 8 KB limit.',
      details: { limitBytes: MAX_JOIN_FORM_BYTES },
    });
  });

  test.each([
    ['/api/v1/groups', 'application/x-www-form-urlencoded', 'name=x'],
    ['/api/v1/groups', 'text/plain', '{"name":"x"}'],
    ['/api/messages', 'application/octet-stream', 'xx'],
    ['/api/v1/groups', undefined, '{"name":"x"}'],
  ])('when %s gets %s, then 415 UNSUPPORTED_MEDIA_TYPE', async (path, contentType, body) => {
    const response = await post(path, contentType, body);
    expect(response.status).toBe(415);
    expect((await json(response)).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  test('when a multipart form is sent anywhere but bulk upload, then 415 and the file is never read', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(512 * 1024)]), 'big.bin');
    const response = await post('/api/messages', undefined, form);
    expect(response.status).toBe(415);
    expect(response.headers.get('connection')).toBe('close');
  });

  test('when bulk upload and resource upload get their bodies, then the routes read the untouched streams', async () => {
    const form = new FormData();
    form.append('kind', 'user-group-mapping');
    form.append('file', new Blob(['phone,group\n']), 'a.csv');
    const upload = await post('/api/v1/uploads', undefined, form);
    expect(await json(upload)).toMatchObject({
      contentType: expect.stringContaining('multipart/form-data'),
    });
    const resource = await post(
      '/api/v1/rollout/resources',
      'application/octet-stream',
      new Uint8Array(3 * MAX_JSON_BYTES),
    );
    expect(await json(resource)).toMatchObject({ streamedBytes: 3 * MAX_JSON_BYTES });
  });

  test('when a body is compressed, then 415 UNSUPPORTED_CONTENT_ENCODING, on upload routes too', async () => {
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024));
    for (const path of ['/api/messages', '/api/v1/rollout/resources']) {
      const response = await post(path, 'application/json', bomb, { 'content-encoding': 'gzip' });
      expect(response.status).toBe(415);
      expect((await json(response)).error).toMatchObject({
        code: 'UNSUPPORTED_CONTENT_ENCODING',
        details: { contentEncoding: 'gzip' },
      });
    }
  });

  test('when JSON nests deeper than the limit, then 400 JSON_TOO_DEEP; as deep as the limit is fine', async () => {
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const deep = await post('/api/v1/groups', 'application/json', nested(MAX_JSON_DEPTH + 1));
    expect(deep.status).toBe(400);
    expect((await json(deep)).error).toMatchObject({
      code: 'JSON_TOO_DEEP',
      details: { maxDepth: MAX_JSON_DEPTH },
    });
    const fine = await post(
      '/api/v1/groups',
      'application/json',
      `{"a":"[[[[","b":${nested(MAX_JSON_DEPTH - 1)}}`,
    );
    expect(fine.status).toBe(200);
  });

  test('when the JSON is broken, then 400 MALFORMED_JSON', async () => {
    const response = await post('/api/v1/groups', 'application/json', '{"name":');
    expect(response.status).toBe(400);
    expect((await json(response)).error.code).toBe('MALFORMED_JSON');
  });

  test('when a chunked body passes the limit, then 413 comes at once and the connection is closed', async () => {
    const answer = await rawRequest(`${url}/api/messages`, {
      headers: { 'content-type': 'application/json' },
      chunked: { chunks: 10_000, chunkBytes: 64 * 1024, neverEnd: true },
    });
    expect(answer.status).toBe(413);
    expect(answer.body.error).toMatchObject({
      code: 'BODY_TOO_LARGE',
      details: { limitBytes: MAX_JSON_BYTES },
    });
    expect(answer.headers.connection).toBe('close');
    expect(answer.answeredAfterMs).toBeLessThan(2000);
    expect(answer.closed).toBe(true);
  });
});
