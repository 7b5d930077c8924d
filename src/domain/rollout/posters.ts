import type { Locale } from '../../i18n/locales';
import type { Actor } from '../access/actor';
import type { Group } from '../groups/group';
import { loadGroup } from '../groups/load-group';
import { InviteExpired, InviteNotFound, InviteRevoked, InviteUsedUp } from '../invites/invite.errors';
import { hashInviteToken, inviteLinkStatus, inviteUrl as inviteUrlOf } from '../invites/invite-link';
import { printLanguage } from '../organisations/organisation-language';
import { genericPosterSpec, groupPosterSpec } from './content/posters';
import { printTranslator } from './print-translator';
import { PosterFormatInvalid } from './rollout.errors';
import type { DownloadableFile, PosterFormat, RolloutContext } from './rollout.ports';
import { rolloutAudience } from './rollout-audience';
import { rolloutInviteLink } from './rollout-invite-link';

/** Printed posters stay on walls for weeks, so their links outlive the 30 days of a chat invite. */
export const POSTER_LINK_DAYS = 90;

const mediaTypes: Record<PosterFormat, string> = { pdf: 'application/pdf', png: 'image/png' };

function posterFormat(format: string): PosterFormat {
  if (format !== 'pdf' && format !== 'png') throw new PosterFormatInvalid(format);
  return format;
}

/** The language a download asked for (`?lang=`), checked; undefined lets the organisation's apply. */
export const requestedLanguage = (lang: string | undefined): Locale | undefined =>
  lang === undefined || lang === '' ? undefined : printLanguage(lang);

/** "Sales (East) – Night shift" → "sales-east-night-shift", for file names. */
export const slug = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'group';

/** The organisation-wide "Move your work chat to Teams" poster, for org admins and champs. */
export async function genericPoster(
  ctx: RolloutContext,
  input: { format: string; lang?: string },
  actor: Actor,
): Promise<DownloadableFile> {
  const format = posterFormat(input.format);
  const lang = requestedLanguage(input.lang);
  const { organisation } = await ctx.uow.run((repos) => rolloutAudience(repos, actor, 'see'));
  const t = printTranslator(lang, organisation);
  const bytes = await ctx.render.poster(genericPosterSpec(organisation.displayName, t), format);
  return { fileName: `move-your-work-chat-to-teams.${format}`, mediaType: mediaTypes[format], bytes };
}

/** A group's poster as returned to the bot and the tab. */
export interface GroupPosterFile extends DownloadableFile {
  group: { id: string; name: string };
  /** The fresh invite link the QR code holds. */
  inviteUrl: string;
  expiresAt: string | null;
}

/**
 * A poster for one group: its name, a fresh invite link as a QR code and the three steps to join.
 * Only a link's hash is stored, so every poster issues a new link (audited as invite-link.created);
 * anyone who may invite to the group may print one.
 */
export async function groupPoster(
  ctx: RolloutContext,
  input: { groupId: string; format: string; expiresInDays?: number; lang?: string },
  actor: Actor,
): Promise<GroupPosterFile> {
  const format = posterFormat(input.format);
  const lang = requestedLanguage(input.lang);
  const issued = await rolloutInviteLink(ctx, input, actor);
  const file = await renderGroupPoster(ctx, issued.group, issued.token, issued.link.expiresAt, format, lang);
  return { ...file, group: { id: issued.group.id, name: issued.group.name } };
}

async function renderGroupPoster(
  ctx: RolloutContext,
  group: Group,
  token: string,
  expiresAt: string | null,
  format: PosterFormat,
  lang: Locale | undefined,
): Promise<Omit<GroupPosterFile, 'group'>> {
  const [organisation, photo] = await ctx.uow.read((repos) =>
    Promise.all([
      group.organisationId ? repos.organisations.findById(group.organisationId) : undefined,
      repos.groupPhotos.find(group.id),
    ]),
  );
  const inviteUrl = inviteUrlOf(ctx.publicBaseUrl(), token);
  const spec = {
    ...groupPosterSpec(
      {
        groupName: group.name,
        organisationName: organisation?.displayName ?? null,
        inviteUrl,
        validUntil: expiresAt,
      },
      printTranslator(lang, organisation),
    ),
    photo: photo ? { etag: photo.etag, jpeg: photo.bytes } : null,
  };
  return {
    fileName: `convene-poster-${slug(group.name)}.${format}`,
    mediaType: mediaTypes[format],
    bytes: await ctx.render.poster(spec, format),
    inviteUrl,
    expiresAt,
  };
}

/**
 * The poster of an invite link, for whoever holds the link (the bot's `poster` card links here).
 * It shows nothing the link itself does not already give: the group's name and the way in.
 */
export async function posterForInviteLink(
  ctx: RolloutContext,
  input: { token: string; format: string; lang?: string },
): Promise<GroupPosterFile> {
  const format = posterFormat(input.format);
  const lang = requestedLanguage(input.lang);
  // A lookup on a public hot path (every phone that scans the poster): no transaction needed.
  const { link, group } = await ctx.uow.read(async (repos) => {
    const found = await repos.inviteLinks.findByTokenHash(hashInviteToken(input.token));
    if (!found) throw new InviteNotFound();
    const status = inviteLinkStatus(found, ctx.clock.now());
    if (status === 'revoked') throw new InviteRevoked();
    if (status === 'expired') throw new InviteExpired(found.expiresAt!);
    if (status === 'used-up') throw new InviteUsedUp(found.maxUses!);
    return { link: found, group: await loadGroup(repos, found.groupId) };
  });
  const file = await renderGroupPoster(ctx, group, input.token, link.expiresAt, format, lang);
  return { ...file, group: { id: group.id, name: group.name } };
}
