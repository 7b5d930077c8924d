import type { Actor } from '../access/actor';
import { auditEntry } from '../audit/audit-entry';
import { ResourceNotFound } from './rollout.errors';
import type { RolloutContext } from './rollout.ports';
import { rolloutAudience } from './rollout-audience';

/**
 * An org admin removes one of their organisation's resources. The row goes first (in one transaction
 * with its audit entry), then the bytes: a crash in between leaves an unlisted file, never a broken entry.
 */
export async function removeResource(
  ctx: RolloutContext,
  input: { resourceId: string },
  actor: Actor,
): Promise<void> {
  await ctx.uow.run(async (repos) => {
    const { organisation } = await rolloutAudience(repos, actor, 'manage');
    const resource = await repos.rolloutResources.findById(input.resourceId);
    if (!resource || resource.organisationId !== organisation.id)
      throw new ResourceNotFound(input.resourceId);
    await repos.rolloutResources.delete(resource.id);
    await repos.audit.append(
      auditEntry(ctx.clock.now(), actor.personId, 'rollout-resource.removed', null, {
        organisationId: organisation.id,
        resourceId: resource.id,
        title: resource.title,
      }),
    );
  });
  await ctx.files.remove(input.resourceId);
}
