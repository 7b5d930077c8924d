import sharp from 'sharp';
import { type AppHarness, startHarness } from '../../support/app-harness';

/** Requests as another stand-in person of the local tenant (local mode only). */
const as = (id: string, name: string) => ({ 'x-convene-local-user': id, 'x-convene-local-user-name': name });

/** The upload's answer, or its refusal. */
interface Uploaded {
  imageId: string;
  url: string;
  width: number;
  height: number;
  error: { code: string; details: Record<string, unknown> };
}

describe('an announcement with a picture, over HTTP', () => {
  let h: AppHarness;
  let audience: { kind: 'group'; groupId: string };
  beforeAll(async () => {
    h = await startHarness({ DEFAULT_REGION: 'IN' });
    const me = (await h.request('GET', '/api/v1/me')).body;
    const group = (
      await h.request('POST', '/api/v1/groups', { name: 'Bakery', organisationId: me.organisation.id })
    ).body.group;
    audience = { kind: 'group', groupId: group.id };
  });
  afterAll(() => h.close());

  const upload = (bytes: Uint8Array, headers: Record<string, string> = {}) =>
    fetch(`${h.app.url}/api/v1/announcements/images?kind=group&groupId=${audience.groupId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', ...headers },
      body: bytes,
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as Uploaded }));

  test('when a sender uploads a PNG, then it is re-encoded, served with safe headers at an unguessable address, and the card shows it', async () => {
    // A large photo with a camera's metadata: it comes back smaller, without the metadata.
    const photo = await sharp({
      create: { width: 3000, height: 2000, channels: 3, background: { r: 200, g: 120, b: 40 } },
    })
      .png()
      .withMetadata({ exif: { IFD0: { Copyright: 'Somebody, Somewhere' } } })
      .toBuffer();
    const uploaded = await upload(photo);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.imageId).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(uploaded.body.url).toBe(`${h.app.url}/announcement-images/${uploaded.body.imageId}`);
    expect([uploaded.body.width, uploaded.body.height]).toEqual([1200, 800]);

    const served = await fetch(uploaded.body.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-security-policy')).toContain('sandbox');
    const bytes = Buffer.from(await served.arrayBuffer());
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();
    // A guessed address finds nothing.
    expect((await fetch(`${h.app.url}/announcement-images/${'A'.repeat(32)}`)).status).toBe(404);

    const preview = await h.request('POST', '/api/v1/announcements/preview', {
      title: 'New oven',
      body: 'This is it.',
      imageId: uploaded.body.imageId,
    });
    const image = preview.body.card.body.find((e: { type: string }) => e.type === 'Image');
    expect(image.url).toBe(uploaded.body.url);

    const created = await h.request('POST', '/api/v1/announcements', {
      audience,
      title: 'New oven',
      body: 'This is it.',
      imageId: uploaded.body.imageId,
      sendAt: new Date(Date.now() + 86_400_000).toISOString(),
      timeZone: 'Asia/Kolkata',
    });
    expect(created.status).toBe(201);
    expect(created.body.announcement.image).toEqual({ path: uploaded.body.imageId, type: 'image/jpeg' });
    // Edited without the picture: it goes.
    const edited = await h.request('PUT', `/api/v1/announcements/${created.body.announcement.id}`, {
      title: 'New oven',
      body: 'This is it.',
      sendAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(edited.body.image).toBeNull();
  });

  test('when the file is an executable renamed .png, or an unknown id is named, or a stranger uploads, then each is refused with a code', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2000, 0x90)]);
    const refused = await upload(exe, { 'x-file-name': 'holiday.png' });
    expect([refused.status, refused.body.error.code]).toEqual([400, 'ANNOUNCEMENT_IMAGE_TYPE_NOT_ACCEPTED']);
    expect(refused.body.error.details).toEqual({ detected: 'exe' });

    const unknown = await h.request('POST', '/api/v1/announcements', {
      audience,
      title: 'Hi',
      body: 'x',
      imageId: 'not-a-picture-we-have-0000',
    });
    expect([unknown.status, unknown.body.error.code]).toEqual([400, 'ANNOUNCEMENT_IMAGE_UNKNOWN']);

    const png = await sharp({ create: { width: 10, height: 10, channels: 4, background: '#0000' } })
      .png()
      .toBuffer();
    const stranger = await upload(png, as('dina', 'Dina'));
    expect(stranger.status).toBe(403);
  });
});
