import type { Translator } from '../../i18n/translator';
import type { Actor } from '../access/actor';
import { loadGroup } from '../groups/load-group';
import { loadUsableLink } from '../invites/load-usable-link';
import { type KitPosterId, kitPosterSpecs } from './content/kit-posters';
import { guides } from './guides';
import { requestedLanguage, slug } from './posters';
import { printTranslator } from './print-translator';
import { KitItemNotFound, PosterFormatInvalid } from './rollout.errors';
import type { DownloadableFile, RolloutContext } from './rollout.ports';
import { rolloutAudience } from './rollout-audience';

/** The rollout kit's printables that are not made for one group, by id. */
export type KitItemId = KitPosterId | 'activation-desk-table-tent' | 'activation-desk-faq';

type KitItem =
  | { kind: 'poster' | 'tent'; poster: KitPosterId; formats: readonly string[] }
  | { kind: 'guide'; formats: readonly string[] };

const kitItems: Readonly<Record<KitItemId, KitItem>> = {
  'group-admin-poster': { kind: 'poster', poster: 'group-admin-poster', formats: ['pdf', 'png'] },
  'activation-desk-poster': { kind: 'poster', poster: 'activation-desk-poster', formats: ['pdf', 'png'] },
  'activation-desk-table-tent': { kind: 'tent', poster: 'activation-desk-poster', formats: ['pdf'] },
  // Also a guide (Resources reads it in the page); here as the printed sheet for the desk.
  'activation-desk-faq': { kind: 'guide', formats: ['pdf'] },
};

export const isKitItemId = (id: string): id is KitItemId => Object.hasOwn(kitItems, id);

/**
 * One of the kit's printables with the organisation's name on it: the group admins' poster, the activation
 * desk's poster or its table tent. For org admins and champs, like the other built-in material.
 */
export async function kitItem(
  ctx: RolloutContext,
  input: { itemId: string; format: string; lang?: string },
  actor: Actor,
): Promise<DownloadableFile> {
  const lang = requestedLanguage(input.lang);
  const { organisation } = await ctx.uow.run((repos) => rolloutAudience(repos, actor, 'see'));
  return renderKitItem(ctx, input, organisation.displayName, printTranslator(lang, organisation));
}

/**
 * A kit printable for whoever holds an invite link of one of the organisation's groups (the bot's
 * poster card links here, as it does to the group's poster). It says nothing the link does not already
 * give: the kit's fixed words and the organisation's name, which the group poster prints too.
 */
export async function kitItemForInviteLink(
  ctx: RolloutContext,
  input: { token: string; itemId: string; format: string; lang?: string },
): Promise<DownloadableFile> {
  const lang = requestedLanguage(input.lang);
  const organisation = await ctx.uow.read(async (repos) => {
    const link = await loadUsableLink(repos, input.token, ctx.clock.now());
    const group = await loadGroup(repos, link.groupId);
    if (!group.organisationId) return undefined;
    return repos.organisations.findById(group.organisationId);
  });
  return renderKitItem(ctx, input, organisation?.displayName ?? null, printTranslator(lang, organisation));
}

async function renderKitItem(
  ctx: RolloutContext,
  input: { itemId: string; format: string },
  organisationName: string | null,
  t: Translator,
): Promise<DownloadableFile> {
  if (!isKitItemId(input.itemId)) throw new KitItemNotFound(input.itemId);
  const item = kitItems[input.itemId];
  if (!item.formats.includes(input.format)) throw new PosterFormatInvalid(input.format, item.formats);
  const fileName = `${slug(input.itemId)}.${input.format}`;
  if (item.kind === 'guide') {
    return {
      fileName,
      mediaType: 'application/pdf',
      bytes: await ctx.render.guidePdf(guides['activation-desk-faq'](t)),
    };
  }
  const spec = kitPosterSpecs[item.poster](organisationName, t);
  if (item.kind === 'tent') {
    return { fileName, mediaType: 'application/pdf', bytes: await ctx.render.tableTentPdf(spec) };
  }
  const format = input.format as 'pdf' | 'png';
  return {
    fileName,
    mediaType: format === 'pdf' ? 'application/pdf' : 'image/png',
    bytes: await ctx.render.poster(spec, format),
  };
}
