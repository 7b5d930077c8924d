import { createHash } from 'node:crypto';
import type { Actor } from '../access/actor';
import { auditEntry } from '../audit/audit-entry';
import { newId } from '../shared/ids';
import {
  ResourceAlreadyAdded,
  ResourceEmpty,
  ResourceTitleTooLong,
  ResourceTooLarge,
  ResourceTypeNotAllowed,
} from './rollout.errors';
import type { RolloutContext } from './rollout.ports';
import { rolloutAudience } from './rollout-audience';
import {
  isResourceType,
  MAX_RESOURCE_BYTES,
  RESOURCE_TITLE_MAX_LENGTH,
  type RolloutResource,
  resourceTitle,
  safeFileName,
} from './rollout-resource';

export interface AddResourceInput {
  fileName: string;
  title?: string;
  bytes: Uint8Array;
}

/**
 * An org admin adds a file to their organisation's rollout resources. Its type is read from its content
 * (PDF, PNG, JPEG or PowerPoint only); the bytes are stored first and the row committed after, so a
 * failure never leaves a listed resource without its file (a failed insert removes the stored bytes).
 */
export async function addResource(
  ctx: RolloutContext,
  input: AddResourceInput,
  actor: Actor,
): Promise<RolloutResource> {
  const { organisation } = await ctx.uow.run((repos) => rolloutAudience(repos, actor, 'manage'));
  if (input.bytes.byteLength === 0) throw new ResourceEmpty();
  if (input.bytes.byteLength > MAX_RESOURCE_BYTES) throw new ResourceTooLarge();
  const detected = await ctx.sniffFileType(input.bytes);
  if (!isResourceType(detected)) throw new ResourceTypeNotAllowed(detected, input.fileName);
  const title = resourceTitle(input.title, input.fileName);
  if ([...title].length > RESOURCE_TITLE_MAX_LENGTH) throw new ResourceTitleTooLong([...title].length);

  const resource: RolloutResource = {
    id: newId(),
    organisationId: organisation.id,
    title,
    fileName: safeFileName(input.fileName, detected),
    type: detected,
    sizeBytes: input.bytes.byteLength,
    sha256: createHash('sha256').update(input.bytes).digest('hex'),
    uploadedBy: actor.personId,
    uploadedAt: ctx.clock.now().toISOString(),
  };
  await ctx.files.save(resource.id, input.bytes);
  try {
    return await ctx.uow.run(async (repos) => {
      await rolloutAudience(repos, actor, 'manage');
      const existing = await repos.rolloutResources.findBySha256(organisation.id, resource.sha256);
      if (existing) throw new ResourceAlreadyAdded(existing);
      await repos.rolloutResources.insert(resource);
      await repos.audit.append(
        auditEntry(ctx.clock.now(), actor.personId, 'rollout-resource.added', null, {
          organisationId: organisation.id,
          resourceId: resource.id,
          title: resource.title,
          type: resource.type,
          sizeBytes: resource.sizeBytes,
        }),
      );
      return resource;
    });
  } catch (error) {
    await ctx.files.remove(resource.id).catch(() => undefined);
    throw error;
  }
}
