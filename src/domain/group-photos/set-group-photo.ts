import { createHash } from 'node:crypto';
import type { Actor } from '../access/actor';
import { assertMay } from '../access/permissions';
import { relationsTo } from '../access/relations';
import { auditEntry } from '../audit/audit-entry';
import { loadGroup } from '../groups/load-group';
import { requestMemberSync } from '../provisioning/provision-group.job';
import type { DomainContext, Repositories } from '../shared/unit-of-work.port';
import { type GroupPhoto, isPhotoType, MAX_PHOTO_UPLOAD_BYTES, PHOTO_SIDE } from './group-photo';
import { PhotoTooLarge, PhotoTypeNotAccepted, PhotoUnreadable } from './group-photo.errors';
import type { PhotoProcessor } from './photo-processor.port';

export interface GroupPhotoContext extends DomainContext {
  photos: PhotoProcessor;
}

export interface SetGroupPhotoInput {
  groupId: string;
  bytes: Uint8Array;
  /** Where it came from, for the audit: the portal or the bot. */
  via: 'portal' | 'bot';
}

async function mayChangePhoto(repos: Repositories, groupId: string, actor: Actor) {
  const group = await loadGroup(repos, groupId);
  assertMay(await relationsTo(repos, actor, group), 'change-photo', group.name);
  return group;
}

/**
 * A group's admin or an org admin gives the group a picture (or a new one). The picture is checked by
 * its content (PNG, JPEG or WebP), resized to a square JPEG, stored, audited, and, for a group that
 * has a Microsoft 365 group, queued to be set there too by the provisioning job.
 */
export async function setGroupPhoto(
  ctx: GroupPhotoContext,
  input: SetGroupPhotoInput,
  actor: Actor,
): Promise<GroupPhoto> {
  // Permission first, so a stranger's bytes are never decoded.
  await ctx.uow.read((repos) => mayChangePhoto(repos, input.groupId, actor));
  if (input.bytes.byteLength > MAX_PHOTO_UPLOAD_BYTES) throw new PhotoTooLarge();
  if (input.bytes.byteLength === 0) throw new PhotoUnreadable('empty');
  const detected = await ctx.photos.sniff(input.bytes);
  if (!isPhotoType(detected)) throw new PhotoTypeNotAccepted(detected);
  // Decoding and resizing happen outside the transaction (SQLite has one writer).
  const bytes = await ctx.photos.squareJpeg(input.bytes, PHOTO_SIDE);
  return ctx.uow.run(async (repos) => {
    const group = await mayChangePhoto(repos, input.groupId, actor);
    const now = ctx.clock.now();
    const previous = await repos.groupPhotos.find(group.id);
    const photo: GroupPhoto = {
      groupId: group.id,
      contentType: 'image/jpeg',
      bytes,
      etag: createHash('sha256').update(bytes).digest('base64url').slice(0, 27),
      updatedBy: actor.personId,
      updatedAt: now.toISOString(),
      tenantEtag: previous?.tenantEtag ?? null,
    };
    await repos.groupPhotos.save(photo);
    await repos.audit.append(
      auditEntry(now, actor.personId, previous ? 'group.photo-changed' : 'group.photo-set', group.id, {
        uploadedType: detected,
        uploadedBytes: input.bytes.byteLength,
        storedBytes: bytes.byteLength,
        etag: photo.etag,
        via: input.via,
      }),
    );
    // A provisioned group gets the provisioning job, which sets the photo the tenant does not have yet.
    await requestMemberSync(repos, [group.id], now);
    return photo;
  });
}

/** Refuses unless the actor may change the group's photo (the bot asks before fetching a picture). */
export function assertMayChangePhoto(ctx: DomainContext, groupId: string, actor: Actor): Promise<void> {
  return ctx.uow.read(async (repos) => {
    await mayChangePhoto(repos, groupId, actor);
  });
}
