import type { Server } from 'restify';
import { MAX_PHOTO_UPLOAD_BYTES } from '../../domain/group-photos/group-photo';
import { GroupHasNoPhoto, PhotoTooLarge } from '../../domain/group-photos/group-photo.errors';
import { readGroupPhoto } from '../../domain/group-photos/read-group-photo';
import { type GroupPhotoContext, setGroupPhoto } from '../../domain/group-photos/set-group-photo';
import type { ApiDeps } from '../api-deps';
import { readRawUpload } from '../http/raw-upload';
import { sendPhoto } from '../http/send-photo';
import { actorOf, route } from '../route';

/** A group's photo in the portal: change it (raw bytes), and show it to whoever may see the group. */
export function registerGroupPhotoRoutes(server: Server, deps: ApiDeps, photos: GroupPhotoContext): void {
  server.put(
    '/api/v1/groups/:id/photo',
    route(deps, async (req, res) => {
      const actor = await actorOf(deps, req);
      const bytes = await readRawUpload(
        req,
        res,
        MAX_PHOTO_UPLOAD_BYTES,
        (limit) => new PhotoTooLarge(limit),
      );
      const photo = await setGroupPhoto(photos, { groupId: req.params.id, bytes, via: 'portal' }, actor);
      return { photoEtag: photo.etag, url: `/api/v1/groups/${photo.groupId}/photo?v=${photo.etag}` };
    }),
  );

  server.get(
    '/api/v1/groups/:id/photo',
    route(deps, async (req, res) => {
      const photo = await readGroupPhoto(deps.ctx, req.params.id, await actorOf(deps, req));
      if (!photo) throw new GroupHasNoPhoto();
      sendPhoto(req, res, photo);
    }),
  );
}
