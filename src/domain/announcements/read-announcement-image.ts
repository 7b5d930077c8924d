import type { DomainContext } from '../shared/unit-of-work.port';
import type { AnnouncementImage } from './announcement-image';

/** A picture by its id, for anyone holding its address (the id is the secret; a malformed one finds nothing). */
export function readAnnouncementImage(
  ctx: DomainContext,
  id: string,
): Promise<AnnouncementImage | undefined> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(id)) return Promise.resolve(undefined);
  return ctx.uow.read((repos) => repos.announcements.findImage(id));
}
