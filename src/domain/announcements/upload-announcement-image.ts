import type { Actor } from '../access/actor';
import type { DomainContext } from '../shared/unit-of-work.port';
import type { Audience } from './announcement';
import { AnnouncementInvalid } from './announcement.errors';
import {
  ACCEPTED_IMAGE_TYPES,
  ANNOUNCEMENT_IMAGE_SIDE,
  type AnnouncementImage,
  type AnnouncementImageProcessor,
  imageTooLarge,
  MAX_ANNOUNCEMENT_IMAGE_BYTES,
} from './announcement-image';
import { assertMayAnnounce } from './may-announce';

export interface AnnouncementImageContext extends DomainContext {
  images: AnnouncementImageProcessor;
  /** A new random id (at least 128 bits, URL-safe). */
  newImageId: () => string;
}

/**
 * A sender uploads a picture for an announcement to an audience they may send to: checked by its
 * content (PNG, JPEG or WebP; an executable renamed .png is refused), size-capped, re-encoded, stored.
 */
export async function uploadAnnouncementImage(
  ctx: AnnouncementImageContext,
  input: { audience: Audience; bytes: Uint8Array },
  actor: Actor,
): Promise<AnnouncementImage> {
  // Permission first, so a stranger's bytes are never decoded.
  await ctx.uow.read((repos) => assertMayAnnounce(repos, actor, input.audience));
  if (input.bytes.byteLength > MAX_ANNOUNCEMENT_IMAGE_BYTES) throw imageTooLarge();
  const detected = input.bytes.byteLength === 0 ? 'empty' : await ctx.images.sniff(input.bytes);
  if (!(ACCEPTED_IMAGE_TYPES as readonly string[]).includes(detected))
    throw new AnnouncementInvalid(
      'ANNOUNCEMENT_IMAGE_TYPE_NOT_ACCEPTED',
      `That file is not a picture Convene accepts (it looks like ${detected}); use a PNG, JPEG or WebP image.`,
      { detected },
    );
  const encoded = await ctx.images.reencode(input.bytes, ANNOUNCEMENT_IMAGE_SIDE);
  const image: AnnouncementImage = {
    id: ctx.newImageId(),
    ...encoded,
    createdBy: actor.personId,
    createdAt: ctx.clock.now().toISOString(),
  };
  await ctx.uow.run((repos) => repos.announcements.saveImage(image));
  return image;
}

/** The picture an announcement names, checked to exist (an id from elsewhere is refused, not kept). */
export async function imageFor(
  repos: { announcements: { findImage(id: string): Promise<AnnouncementImage | undefined> } },
  rawId: unknown,
): Promise<{ path: string; type: string } | null> {
  if (rawId === undefined || rawId === null || rawId === '') return null;
  const id = typeof rawId === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(rawId) ? rawId : '';
  const image = id ? await repos.announcements.findImage(id) : undefined;
  if (!image)
    throw new AnnouncementInvalid(
      'ANNOUNCEMENT_IMAGE_UNKNOWN',
      'That picture is not there any more; upload it again.',
    );
  return { path: image.id, type: image.contentType };
}
