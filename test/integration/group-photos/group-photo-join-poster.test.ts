import { createHash } from 'node:crypto';
import { PNG } from 'pngjs';
import { samplePhoto } from '../../fakes/sample-photos';
import { type AppHarness, startHarness } from '../../support/app-harness';

const sha = (bytes: ArrayBuffer) => createHash('sha256').update(Buffer.from(bytes)).digest('hex');

/** The colour of one pixel of a PNG. */
function pixel(png: ArrayBuffer, x: number, y: number): [number, number, number] {
  const image = PNG.sync.read(Buffer.from(png));
  const at = (Math.round(y) * image.width + Math.round(x)) * 4;
  return [image.data[at]!, image.data[at + 1]!, image.data[at + 2]!];
}
const isOrange = ([r, g, b]: [number, number, number]) => r > 170 && g < 110 && b < 70;

describe("a group's photo on its join page, link preview and posters", () => {
  let h: AppHarness;
  let groupId: string;
  let inviteUrl: string;
  beforeAll(async () => {
    h = await startHarness();
    groupId = (await h.request('POST', '/api/v1/groups', { name: 'Riders – North' })).body.group.id;
    inviteUrl = (await h.request('POST', `/api/v1/groups/${groupId}/invite-links`, {})).body.url;
  });
  afterAll(() => h.close());

  const setPhoto = async () => {
    const put = await fetch(`${h.app.url}/api/v1/groups/${groupId}/photo`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: await samplePhoto('jpeg', { colour: '#d83b01' }),
    });
    expect(put.status).toBe(200);
  };
  const poster = (format: 'png' | 'pdf') =>
    fetch(`${h.app.url}/rollout/poster?invite=${encodeURIComponent(inviteUrl)}&format=${format}`).then((r) =>
      r.arrayBuffer(),
    );
  const preview = () => fetch(`${inviteUrl}/preview.png`).then((r) => r.arrayBuffer());

  test('when a group gets a photo, then its join page shows it, and the poster and preview change to include it', async () => {
    const page = await (await fetch(inviteUrl)).text();
    expect(page).not.toContain('<img class="group-photo"');
    const [posterBefore, pdfBefore, previewBefore] = [
      await poster('png'),
      await poster('pdf'),
      await preview(),
    ];
    expect(Buffer.from(pdfBefore).includes('/Subtype /Image')).toBe(false);

    await setPhoto();

    // The join page reuses a link's facts for a second.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const html = await (await fetch(inviteUrl)).text();
    const src = /<img class="group-photo" src="([^"]+)" alt="" width="96" height="96">/.exec(html)?.[1];
    expect(src).toMatch(new RegExp(`^${inviteUrl}/photo\\?v=[A-Za-z0-9_-]{27}$`));
    const photo = await fetch(src!.replace(/&amp;/g, '&'));
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect(photo.headers.get('x-content-type-options')).toBe('nosniff');

    const posterAfter = await poster('png');
    expect(sha(posterAfter)).not.toBe(sha(posterBefore));
    // A4 at 1240 px: the photo's top-left quarter sits about 470 × 66 pt from the corner.
    const scale = 1240 / 595.28;
    expect(isOrange(pixel(posterAfter, 470 * scale, 66 * scale))).toBe(true);
    expect(isOrange(pixel(posterBefore, 470 * scale, 66 * scale))).toBe(false);
    const pdfAfter = await poster('pdf');
    expect(Buffer.from(pdfAfter).includes('/Subtype /Image')).toBe(true);
    expect(Buffer.from(pdfAfter).includes('/DCTDecode')).toBe(true);

    const previewAfter = await preview();
    expect(sha(previewAfter)).not.toBe(sha(previewBefore));
    expect(isOrange(pixel(previewAfter, 80, 100))).toBe(true);
  });

  test('when the link is reset, then its old address no longer shows the photo', async () => {
    await setPhoto();
    const old = inviteUrl;
    inviteUrl = (await h.request('POST', `/api/v1/groups/${groupId}/invite-links`, { reset: true })).body.url;
    expect((await fetch(`${old}/photo`)).status).toBe(404);
    expect((await fetch(`${inviteUrl}/photo`)).status).toBe(200);
  });
});
