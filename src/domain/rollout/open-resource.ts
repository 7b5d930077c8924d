import type { Actor } from '../access/actor';
import { ResourceNotFound } from './rollout.errors';
import type { DownloadableFile, RolloutContext } from './rollout.ports';
import { rolloutAudience } from './rollout-audience';
import { resourceMediaTypes } from './rollout-resource';

/** The file of one custom resource, for an org admin or champ of the organisation that owns it. */
export async function openResource(
  ctx: RolloutContext,
  input: { resourceId: string },
  actor: Actor,
): Promise<DownloadableFile> {
  const resource = await ctx.uow.run(async (repos) => {
    const { organisation } = await rolloutAudience(repos, actor, 'see');
    const found = await repos.rolloutResources.findById(input.resourceId);
    // Another organisation's resource is reported as missing: its existence is not ours to reveal.
    if (!found || found.organisationId !== organisation.id) throw new ResourceNotFound(input.resourceId);
    return found;
  });
  return {
    fileName: resource.fileName,
    mediaType: resourceMediaTypes[resource.type],
    bytes: await ctx.files.read(resource.id),
  };
}
