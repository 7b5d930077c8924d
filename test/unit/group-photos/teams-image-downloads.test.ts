import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TeamsImageDownloads } from '../../../bot/attachments/teams-image-downloads';

/** A loopback stand-in for the chat service's attachment endpoint, with a redirect and an endless body. */
describe('fetching a picture pasted into the chat', () => {
  let server: Server;
  let base: string;
  const seen: Array<{ path: string; authorization?: string }> = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ path: req.url ?? '', authorization: req.headers.authorization });
      if (req.url === '/_connector/v3/attachments/ok/views/original') {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      } else if (req.url === '/_connector/v3/attachments/moved/views/original') {
        res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' });
        res.end();
      } else if (req.url === '/_connector/v3/attachments/endless/views/original') {
        // No length declared: the reader must count and stop by itself.
        res.writeHead(200, { 'content-type': 'image/png' });
        const chunk = Buffer.alloc(64 * 1024, 1);
        const timer = setInterval(() => res.write(chunk), 1);
        res.on('close', () => clearInterval(timer));
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/_connector`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  beforeEach(() => {
    seen.length = 0;
  });

  const message = (name: string) => ({
    serviceUrl: base,
    attachments: [{ contentType: 'image/png', contentUrl: `${base}/v3/attachments/${name}/views/original` }],
  });
  const downloads = (options: Partial<ConstructorParameters<typeof TeamsImageDownloads>[0]> = {}) =>
    new TeamsImageDownloads({ allowLoopbackHttp: true, token: async () => 'connector-token', ...options });

  test('when the picture is under the chat service’s attachments, then it is fetched with the bot’s token', async () => {
    const bytes = await downloads().download(message('ok'));
    expect([...bytes]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(seen).toEqual([
      { path: '/_connector/v3/attachments/ok/views/original', authorization: 'Bearer connector-token' },
    ]);
  });

  test('when the chat service answers with a redirect, then it is not followed', async () => {
    await expect(downloads().download(message('moved'))).rejects.toMatchObject({
      code: 'PHOTO_ATTACHMENT_REFUSED',
    });
    expect(seen).toHaveLength(1);
  });

  test('when a body without a length runs past the limit, then the download stops there', async () => {
    await expect(downloads({ maxBytes: 256 * 1024 }).download(message('endless'))).rejects.toMatchObject({
      code: 'PHOTO_TOO_LARGE',
    });
  });

  test('when plain http on loopback is not allowed (tenant mode), then nothing is fetched', async () => {
    await expect(downloads({ allowLoopbackHttp: false }).download(message('ok'))).rejects.toMatchObject({
      code: 'PHOTO_ATTACHMENT_REFUSED',
      details: { reason: 'address' },
    });
    expect(seen).toEqual([]);
  });
});
