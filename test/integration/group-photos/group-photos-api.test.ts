import sharp from 'sharp';
import { MAX_PHOTO_UPLOAD_BYTES, PHOTO_SIDE } from '../../../src/domain/group-photos/group-photo';
import { renamedExecutable, samplePhoto, svgWithScript } from '../../fakes/sample-photos';
import { type AppHarness, type Dialect, startHarness } from '../../support/app-harness';
import { postgresAvailable } from '../../support/postgres';

/** Requests as another stand-in person of the local tenant (local mode only). */
const as = (id: string, name: string) => ({ 'x-convene-local-user': id, 'x-convene-local-user-name': name });

for (const dialect of ['sqlite', 'postgres'] as Dialect[]) {
  const run = dialect === 'sqlite' || postgresAvailable() ? describe : describe.skip;
  run(`group photos over HTTP [${dialect}]`, () => {
    let h: AppHarness;
    const json = async (
      method: string,
      url: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ) => {
      const response = await fetch(`${h.app.url}${url}`, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    };
    const putPhoto = (groupId: string, bytes: Uint8Array, headers: Record<string, string> = {}) =>
      fetch(`${h.app.url}/api/v1/groups/${groupId}/photo`, {
        method: 'PUT',
        headers: { 'content-type': 'application/octet-stream', ...headers },
        body: bytes,
      });
    const newGroup = async (name: string) =>
      (await json('POST', '/api/v1/groups', { name })).body.group.id as string;

    beforeAll(async () => {
      h = await startHarness({ DEFAULT_REGION: 'IN' }, { dialect });
    });
    afterAll(() => h.close());

    test('when an org admin uploads a PNG, then the group shows a square JPEG with safe headers and an ETag', async () => {
      const groupId = await newGroup('Riders – North');
      const put = await putPhoto(groupId, await samplePhoto('png', { width: 1200, height: 700 }));
      expect(put.status).toBe(200);
      const { photoEtag } = (await put.json()) as { photoEtag: string };
      const view = await json('GET', `/api/v1/groups/${groupId}`);
      expect(view.body.photoEtag).toBe(photoEtag);
      expect(view.body.allowed['change-photo']).toBe(true);

      const photo = await fetch(`${h.app.url}/api/v1/groups/${groupId}/photo`);
      expect(photo.status).toBe(200);
      expect(photo.headers.get('content-type')).toBe('image/jpeg');
      expect(photo.headers.get('x-content-type-options')).toBe('nosniff');
      expect(photo.headers.get('etag')).toBe(`"${photoEtag}"`);
      const bytes = Buffer.from(await photo.arrayBuffer());
      const meta = await sharp(bytes).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', PHOTO_SIDE, PHOTO_SIDE]);
      expect(meta.exif).toBeUndefined();

      const again = await fetch(`${h.app.url}/api/v1/groups/${groupId}/photo`, {
        headers: { 'if-none-match': `"${photoEtag}"` },
      });
      expect(again.status).toBe(304);

      const audit = await h.app.storage.db
        .selectFrom('audit_entries')
        .select('action')
        .where('group_id', '=', groupId)
        .where('action', 'like', 'group.photo%')
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['group.photo-set']);
    });

    test('when the photo is changed, then the ETag changes and the change is audited', async () => {
      const groupId = await newGroup('Changing pictures');
      const first = (await (await putPhoto(groupId, await samplePhoto('jpeg'))).json()) as {
        photoEtag: string;
      };
      const second = await putPhoto(groupId, await samplePhoto('webp', { colour: '#d83b01' }));
      expect(second.status).toBe(200);
      const { photoEtag } = (await second.json()) as { photoEtag: string };
      expect(photoEtag).not.toBe(first.photoEtag);
      const stale = await fetch(`${h.app.url}/api/v1/groups/${groupId}/photo`, {
        headers: { 'if-none-match': `"${first.photoEtag}"` },
      });
      expect(stale.status).toBe(200);
      const actions = await h.app.storage.db
        .selectFrom('audit_entries')
        .select('action')
        .where('group_id', '=', groupId)
        .where('action', 'like', 'group.photo%')
        .orderBy('at')
        .execute();
      expect(actions.map((a) => a.action)).toEqual(['group.photo-set', 'group.photo-changed']);
    });

    test.each([
      ['a renamed executable', renamedExecutable(), 'exe'],
      ['an SVG with a script', svgWithScript(), 'svg'],
    ])(
      'when someone sends %s as a photo, then it is refused by its content',
      async (_name, bytes, detected) => {
        const groupId = await newGroup(`Refused ${detected}`);
        const put = await putPhoto(groupId, bytes);
        expect(put.status).toBe(400);
        const body = (await put.json()) as { error: { code: string; details: { detected: string } } };
        expect(body.error.code).toBe('PHOTO_TYPE_NOT_ACCEPTED');
        expect(body.error.details.detected).toBe(detected);
        expect((await fetch(`${h.app.url}/api/v1/groups/${groupId}/photo`)).status).toBe(404);
      },
    );

    test('when a picture is larger than the limit, then it is refused before it is read whole', async () => {
      const groupId = await newGroup('Too large');
      const put = await putPhoto(groupId, new Uint8Array(MAX_PHOTO_UPLOAD_BYTES + 1));
      // 400 today like every other "too large"; 413 once they share one error (issue #15).
      expect([400, 413]).toContain(put.status);
      expect(((await put.json()) as { error: { code: string } }).error.code).toBe('PHOTO_TOO_LARGE');
    });

    test('when a PNG header hides a broken picture, then it is refused as unreadable', async () => {
      const groupId = await newGroup('Broken picture');
      const png = await samplePhoto('png');
      const put = await putPhoto(groupId, png.subarray(0, 60));
      expect(put.status).toBe(400);
      expect(((await put.json()) as { error: { code: string } }).error.code).toBe('PHOTO_UNREADABLE');
    });

    test('when a plain member or a stranger tries to change the photo, then they are refused; a group admin may', async () => {
      const groupId = await newGroup('Who may');
      const link = await json('POST', `/api/v1/groups/${groupId}/invite-links`, {});
      const mira = as('member-mira', 'Mira');
      expect((await json('POST', '/api/v1/invites/redeem', { token: link.body.url }, mira)).status).toBe(200);
      const picture = await samplePhoto('jpeg');
      const byMember = await putPhoto(groupId, picture, mira);
      expect(byMember.status).toBe(403);
      expect(((await byMember.json()) as { error: { code: string } }).error.code).toBe('NOT_ALLOWED');
      expect((await putPhoto(groupId, picture, as('stranger-sam', 'Sam'))).status).toBe(403);
      // Members still see it once there is one.
      expect((await putPhoto(groupId, picture)).status).toBe(200);
      expect((await fetch(`${h.app.url}/api/v1/groups/${groupId}/photo`, { headers: mira })).status).toBe(
        200,
      );
      expect(
        (await fetch(`${h.app.url}/api/v1/groups/${groupId}/photo`, { headers: as('stranger-sam', 'Sam') }))
          .status,
      ).toBe(403);

      const me = (await json('GET', '/api/v1/me')).body.personId;
      const miraId = (await json('GET', '/api/v1/me', undefined, mira)).body.personId;
      expect(
        (await json('PUT', `/api/v1/groups/${groupId}/members/${miraId}/role`, { role: 'admin' })).status,
      ).toBe(200);
      expect(me).not.toBe(miraId);
      expect((await putPhoto(groupId, await samplePhoto('png'), mira)).status).toBe(200);
    });
  });
}
