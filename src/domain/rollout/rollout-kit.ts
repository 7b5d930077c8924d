import type { Actor } from '../access/actor';
import { type KitPosterId, kitPosterSpecs } from './content/kit-posters';
import { slug } from './posters';
import { KitItemNotFound, PosterFormatInvalid } from './rollout.errors';
import type { DownloadableFile, RolloutContext } from './rollout.ports';
import { rolloutAudience } from './rollout-audience';

/** The rollout kit's printables that are not made for one group, by id (the FAQ sheet is a guide). */
export type KitItemId = KitPosterId | 'activation-desk-table-tent';

const kitItems: Readonly<
  Record<KitItemId, { poster: KitPosterId; formats: readonly string[]; tent: boolean }>
> = {
  'group-admin-poster': { poster: 'group-admin-poster', formats: ['pdf', 'png'], tent: false },
  'activation-desk-poster': { poster: 'activation-desk-poster', formats: ['pdf', 'png'], tent: false },
  'activation-desk-table-tent': { poster: 'activation-desk-poster', formats: ['pdf'], tent: true },
};

export const isKitItemId = (id: string): id is KitItemId => Object.hasOwn(kitItems, id);

/**
 * One of the kit's printables with the organisation's name on it: the group admins' poster, the activation
 * desk's poster or its table tent. For org admins and champs, like the other built-in material.
 */
export async function kitItem(
  ctx: RolloutContext,
  input: { itemId: string; format: string },
  actor: Actor,
): Promise<DownloadableFile> {
  if (!isKitItemId(input.itemId)) throw new KitItemNotFound(input.itemId);
  const item = kitItems[input.itemId];
  if (!item.formats.includes(input.format)) throw new PosterFormatInvalid(input.format, item.formats);
  const { organisation } = await ctx.uow.run((repos) => rolloutAudience(repos, actor, 'see'));
  const spec = kitPosterSpecs[item.poster](organisation.displayName);
  const fileName = `${slug(input.itemId)}.${input.format}`;
  if (item.tent) {
    return { fileName, mediaType: 'application/pdf', bytes: await ctx.render.tableTentPdf(spec) };
  }
  const format = input.format as 'pdf' | 'png';
  return {
    fileName,
    mediaType: format === 'pdf' ? 'application/pdf' : 'image/png',
    bytes: await ctx.render.poster(spec, format),
  };
}
