import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { type RunningApp, startApp } from '../../../src/app';
import { loadConfig } from '../../../src/config';
import { MAX_RESOURCE_BYTES } from '../../../src/domain/rollout/rollout-resource';
import { createLogger } from '../../../src/infra/logging/logger';
import { sampleGif, samplePdf, samplePng, samplePptx } from '../../fakes/rollout-files';

let app: RunningApp;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'convene-rollout-api-'));
  app = await startApp(
    loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
    createLogger('silent'),
  );
});
afterAll(async () => {
  await app.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A JSON answer, loosely typed: each test asserts the shape it relies on. */
// biome-ignore lint/suspicious/noExplicitAny: answers are checked by the assertions, not the compiler.
const json = (response: Response): Promise<any> => response.json();

const call = (method: string, url: string, init: RequestInit = {}) =>
  fetch(`${app.url}${url}`, { method, ...init });

const upload = (bytes: Uint8Array, query: string, contentType = 'application/octet-stream') =>
  call('POST', `/api/v1/rollout/resources?${query}`, {
    headers: { 'content-type': contentType },
    body: bytes,
  });

async function createGroup(name: string): Promise<string> {
  const response = await call('POST', '/api/v1/groups', {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  expect(response.status).toBe(201);
  return ((await json(response)) as { group: { id: string } }).group.id;
}

describe('the rollout API', () => {
  test('when an org admin opens Resources, then built-in material comes with the addresses to fetch it', async () => {
    const response = await call('GET', '/api/v1/rollout/resources');
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body).toMatchObject({ canManage: true, organisation: { name: 'Local organisation' }, custom: [] });
    expect(body.builtIn.map((r: { id: string }) => r.id)).toEqual([
      'generic-poster',
      'group-poster',
      'message-templates',
      'employee-guide',
      'champ-guidelines',
      'group-admin-poster',
      'activation-desk-poster',
      'activation-desk-table-tent',
      'activation-desk-faq',
      'slideshow',
    ]);
    expect(body.builtIn[1].links.png).toEqual({
      method: 'POST',
      href: '/api/v1/groups/{groupId}/rollout/poster?format=png',
    });
  });

  test('when an org admin uploads a deck, then it is listed and downloads with safe headers', async () => {
    const deck = await samplePptx();
    const added = await upload(
      deck,
      `fileName=${encodeURIComponent('Kick-off – Lagos.pptx')}&title=Kick-off%20deck`,
    );
    expect(added.status).toBe(201);
    const { resource } = await json(added);
    expect(resource).toMatchObject({ title: 'Kick-off deck', type: 'pptx', sizeBytes: deck.byteLength });

    const listed = await json(await call('GET', '/api/v1/rollout/resources'));
    expect(listed.custom.map((r: { id: string }) => r.id)).toContain(resource.id);

    const file = await call('GET', resource.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    );
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="Kick-off _ Lagos.pptx"; filename*=UTF-8''${encodeURIComponent('Kick-off – Lagos.pptx')}`,
    );
    expect(file.headers.get('content-security-policy')).toContain('sandbox');
    expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.from(deck))).toBe(true);

    expect((await call('DELETE', `/api/v1/rollout/resources/${resource.id}`)).status).toBe(204);
    const gone = await call('GET', resource.url);
    expect(gone.status).toBe(404);
    expect((await json(gone)).error.code).toBe('RESOURCE_NOT_FOUND');
  });

  test.each([
    ['a GIF named like a PNG', sampleGif(), 'fileName=poster.png', 'gif'],
    [
      'an HTML page named like a PDF',
      new TextEncoder().encode('<html><script>x</script></html>'),
      'fileName=a.pdf',
      'html',
    ],
  ])(
    'when an org admin uploads %s, then RESOURCE_TYPE_NOT_ALLOWED says what it really is',
    async (_what, bytes, q, detected) => {
      const response = await upload(bytes, q);
      expect(response.status).toBe(400);
      const { error } = await json(response);
      expect(error).toMatchObject({ code: 'RESOURCE_TYPE_NOT_ALLOWED', details: { detected } });
      expect(error.details.allowed).toEqual(['pdf', 'png', 'jpeg', 'pptx']);
    },
  );

  const storedFiles = () => {
    try {
      return readdirSync(path.join(dataDir, 'rollout-resources')).sort();
    } catch {
      return [];
    }
  };

  test.each([
    ['with its length declared', false],
    ['streamed without a declared length', true],
  ])(
    'when a file over the limit is sent %s, then 413 RESOURCE_TOO_LARGE and nothing is kept',
    async (_how, streamed) => {
      const before = storedFiles();
      const big = new Uint8Array(MAX_RESOURCE_BYTES + 1);
      big.set(samplePdf());
      const body = streamed
        ? new ReadableStream<Uint8Array>({
            start(controller) {
              for (let at = 0; at < big.length; at += 1024 * 1024)
                controller.enqueue(big.subarray(at, at + 1024 * 1024));
              controller.close();
            },
          })
        : big;
      const response = await call('POST', '/api/v1/rollout/resources?fileName=big.pdf', {
        headers: { 'content-type': 'application/octet-stream' },
        body,
        ...(streamed ? { duplex: 'half' } : {}),
      } as RequestInit);
      expect(response.status).toBe(413);
      expect((await json(response)).error).toMatchObject({
        code: 'RESOURCE_TOO_LARGE',
        details: { limitBytes: MAX_RESOURCE_BYTES },
      });
      expect(storedFiles()).toEqual(before);
    },
  );

  test('when the file is sent as JSON instead of its bytes, then UPLOAD_CONTENT_TYPE explains how to send it', async () => {
    const response = await upload(new TextEncoder().encode('{"a":1}'), 'fileName=a.png', 'application/json');
    expect(response.status).toBe(415);
    expect((await json(response)).error.code).toBe('UPLOAD_CONTENT_TYPE');
  });

  test('when a group poster is downloaded as PNG, then its QR code is the invite link in its header', async () => {
    const groupId = await createGroup('Warehouse – Lagos');
    const response = await call('POST', `/api/v1/groups/${groupId}/rollout/poster?format=png`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-disposition')).toContain('convene-poster-warehouse-lagos.png');
    const inviteUrl = response.headers.get('x-convene-invite-url');
    expect(inviteUrl).toMatch(new RegExp(`^${app.url}/join/[A-Za-z0-9_-]{22}$`));
    const image = PNG.sync.read(Buffer.from(await response.arrayBuffer()));
    expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(inviteUrl);
  });

  test('when someone holds an invite link, then its poster prints without signing in; a reset link prints nothing', async () => {
    const groupId = await createGroup('Night shift – Pune');
    const issued = await call('POST', `/api/v1/groups/${groupId}/invite-links`, {
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const { url: inviteUrl } = (await json(issued)) as { url: string };
    const png = await fetch(`${app.url}/rollout/poster?invite=${encodeURIComponent(inviteUrl)}&format=png`);
    expect(png.status).toBe(200);
    expect(png.headers.get('x-content-type-options')).toBe('nosniff');
    const image = PNG.sync.read(Buffer.from(await png.arrayBuffer()));
    expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(inviteUrl);
    const pdf = await fetch(`${app.url}/rollout/poster?invite=${encodeURIComponent(inviteUrl)}&format=pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');

    await call('POST', `/api/v1/groups/${groupId}/invite-links`, {
      headers: { 'content-type': 'application/json' },
      body: '{"reset":true}',
    });
    const revoked = await fetch(
      `${app.url}/rollout/poster?invite=${encodeURIComponent(inviteUrl)}&format=png`,
    );
    expect(revoked.status).toBe(410);
    expect((await json(revoked)).error.code).toBe('INVITE_REVOKED');
    const unknown = await fetch(`${app.url}/rollout/poster?invite=nonsense&format=png`);
    expect(unknown.status).toBe(404);
  });

  test('when a poster, the templates and the slideshow are made for a group, then they carry the same standing link until it is reset', async () => {
    const groupId = await createGroup('Loading bay');
    const inviteUrlOfPoster = async () =>
      (await call('POST', `/api/v1/groups/${groupId}/rollout/poster?format=pdf`)).headers.get(
        'x-convene-invite-url',
      );
    const first = await inviteUrlOfPoster();
    const templates = await json(await call('POST', `/api/v1/groups/${groupId}/rollout/templates`));
    const slideshow = await json(await call('POST', `/api/v1/groups/${groupId}/rollout/slideshow`));
    expect(await inviteUrlOfPoster()).toBe(first);
    expect(templates.inviteUrl).toBe(first);
    expect(slideshow.inviteUrl).toBe(first);
    await call('POST', `/api/v1/groups/${groupId}/invite-links`, {
      headers: { 'content-type': 'application/json' },
      body: '{"reset":true}',
    });
    const after = await inviteUrlOfPoster();
    expect(after).not.toBe(first);
    expect((await json(await call('POST', `/api/v1/groups/${groupId}/rollout/templates`))).inviteUrl).toBe(
      after,
    );
  });

  test('when a public poster is opened again, then it comes from the cache with the same ETag, a 304 for a copy already held, and nothing once the link is reset', async () => {
    const groupId = await createGroup('Loading bay – Accra');
    const issued = await call('POST', `/api/v1/groups/${groupId}/invite-links`, {
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const { url: inviteUrl } = (await json(issued)) as { url: string };
    const posterUrl = `${app.url}/rollout/poster?invite=${encodeURIComponent(inviteUrl)}&format=png`;
    const first = await fetch(posterUrl);
    const firstBytes = Buffer.from(await first.arrayBuffer());
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]{20,}"$/);
    expect(first.headers.get('cache-control')).toBe('private, max-age=300');

    const again = await fetch(posterUrl);
    const againBytes = Buffer.from(await again.arrayBuffer());
    expect(again.headers.get('etag')).toBe(etag);
    expect(againBytes.equals(firstBytes)).toBe(true);

    const held = await fetch(posterUrl, { headers: { 'if-none-match': etag! } });
    expect(held.status).toBe(304);
    expect((await held.arrayBuffer()).byteLength).toBe(0);

    await call('POST', `/api/v1/groups/${groupId}/invite-links`, {
      headers: { 'content-type': 'application/json' },
      body: '{"reset":true}',
    });
    const afterReset = await fetch(posterUrl, { headers: { 'if-none-match': etag! } });
    expect(afterReset.status).toBe(410);
    expect((await json(afterReset)).error.code).toBe('INVITE_REVOKED');
  });

  test('when a poster is asked in an unknown format, then POSTER_FORMAT_INVALID', async () => {
    const response = await call('GET', '/api/v1/rollout/posters/generic?format=docx');
    expect(response.status).toBe(400);
    expect((await json(response)).error.code).toBe('POSTER_FORMAT_INVALID');
  });

  test('when templates are filled for a group, then each one carries the group’s link ready to copy', async () => {
    const groupId = await createGroup('Drivers');
    const response = await call('POST', `/api/v1/groups/${groupId}/rollout/templates`);
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body.templates).toHaveLength(4);
    for (const template of body.templates) expect(template.text).toContain(body.inviteUrl);
  });

  test('when a guide is opened, then the tab gets Markdown and HTML, and the download is Markdown', async () => {
    const guide = await json(await call('GET', '/api/v1/rollout/guides/champ-guidelines'));
    expect(guide).toMatchObject({ id: 'champ-guidelines', audience: 'champs' });
    expect(guide.html).toContain('<h2>Content moderation</h2>');
    const download = await call('GET', '/api/v1/rollout/guides/employee-guide/download?format=md');
    expect(download.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(await download.text()).toMatch(/^# Your work chat in Teams/);
    const missing = await call('GET', '/api/v1/rollout/guides/handbook');
    expect(missing.status).toBe(404);
    expect((await json(missing)).error.code).toBe('GUIDE_NOT_FOUND');
  });

  test('when the lobby slideshow is opened with a group’s link, then it shows the group and its QR code under a strict CSP', async () => {
    const groupId = await createGroup('Front desk');
    const link = await json(await call('POST', `/api/v1/groups/${groupId}/rollout/slideshow`));
    expect(link.url).toMatch(/\/rollout\/slideshow\?invite=/);
    const page = await fetch(link.url);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'nonce-[^']+'/);
    const html = await page.text();
    expect(html).toContain('<h2>Front desk</h2>');
    expect(html).toContain('<svg');
    expect(html).toContain(link.inviteUrl);

    const unknown = await (await call('GET', '/rollout/slideshow?invite=AAAAAAAAAAAAAAAAAAAAAA')).text();
    expect(unknown).toContain('invite link is not valid');
    expect(unknown).not.toContain('<svg');
  });

  test('when the organisation prints in Hindi, then the guides, templates and slideshow come in Hindi unless another language is asked for', async () => {
    const setLanguage = (language: string) =>
      call('PUT', '/api/v1/portal/organisation/language', {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ language }),
      });
    expect((await setLanguage('hi')).status).toBe(200);
    try {
      const guide = await json(await call('GET', '/api/v1/rollout/guides/employee-guide'));
      expect(guide).toMatchObject({ language: 'hi', dir: 'ltr' });
      expect(guide.markdown).toMatch(/^# Teams में आपकी काम की चैट/);
      const arabic = await call('GET', '/api/v1/rollout/guides/employee-guide/download?format=md&lang=ar');
      expect(arabic.headers.get('content-disposition')).toContain('employee-guide.ar.md');
      expect(await arabic.text()).toMatch(/^# محادثة العمل في Teams/);

      const groupId = await createGroup('रात की पाली');
      const templates = await json(await call('POST', `/api/v1/groups/${groupId}/rollout/templates`));
      expect(templates.language).toBe('hi');
      expect(templates.templates[0].text).toContain('सभी को नमस्ते! आज से "रात की पाली" Microsoft Teams में चलेगा');
      const preview = await json(await call('GET', '/api/v1/rollout/templates?lang=ar'));
      expect(preview.templates[0].title).toBe('إعلان للمجموعة القديمة');

      const link = await json(await call('POST', `/api/v1/groups/${groupId}/rollout/slideshow`));
      const hindi = await (await fetch(link.url)).text();
      expect(hindi).toContain('<html lang="hi" dir="ltr">');
      expect(hindi).toContain('अभी जुड़ें');
      const rtl = await (await fetch(`${link.url}&lang=ar`)).text();
      expect(rtl).toContain('<html lang="ar" dir="rtl">');
      expect(rtl).toContain('انضم الآن');
      expect(rtl).toContain('<h2>रात की पाली</h2>');
    } finally {
      await setLanguage('en');
    }
  });

  test('when nothing identifies a resource, then the answer is the shared error body', async () => {
    const response = await call('DELETE', '/api/v1/rollout/resources/0b7c4b3e-0000-4000-8000-000000000000');
    expect(response.status).toBe(404);
    expect(await json(response)).toEqual({
      error: expect.objectContaining({ code: 'RESOURCE_NOT_FOUND', message: expect.any(String) }),
    });
  });

  test('when a PNG is uploaded twice, then the second answer is RESOURCE_ALREADY_ADDED', async () => {
    expect((await upload(samplePng(7), 'fileName=a.png')).status).toBe(201);
    const again = await upload(samplePng(7), 'fileName=b.png');
    expect(again.status).toBe(409);
    expect((await json(again)).error.code).toBe('RESOURCE_ALREADY_ADDED');
  });
});
