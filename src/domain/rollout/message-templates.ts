import type { Actor } from '../access/actor';
import { inviteUrl as inviteUrlOf } from '../invites/invite-link';
import { type MessageTemplate, messageTemplates, templatePlaceholders } from './content/message-templates';
import { posterDate } from './content/posters';
import { requestedLanguage } from './posters';
import { printTranslator } from './print-translator';
import type { RolloutContext } from './rollout.ports';
import { rolloutAudience } from './rollout-audience';
import { rolloutInviteLink } from './rollout-invite-link';

/** Templates link for as long as a poster: both go out on rollout day. */
export const TEMPLATE_LINK_DAYS = 90;

/**
 * The templates as written, with their {{placeholders}}, for org admins and champs to preview: in the
 * language asked for (`lang`), else the organisation's.
 */
export async function listMessageTemplates(
  ctx: RolloutContext,
  actor: Actor,
  input: { lang?: string } = {},
): Promise<{ language: string; templates: readonly MessageTemplate[]; placeholders: readonly string[] }> {
  const lang = requestedLanguage(input.lang);
  const { organisation } = await ctx.uow.run((repos) => rolloutAudience(repos, actor, 'see'));
  const t = printTranslator(lang, organisation);
  return { language: t.locale, templates: messageTemplates(t), placeholders: templatePlaceholders };
}

/**
 * The templates with one group's details and a fresh invite link filled in, ready to copy. Anyone who
 * may invite to the group may ask (its admins, champs and org admins).
 */
export async function groupMessageTemplates(
  ctx: RolloutContext,
  input: { groupId: string; expiresInDays?: number; lang?: string },
  actor: Actor,
): Promise<{
  group: { id: string; name: string };
  inviteUrl: string;
  expiresAt: string | null;
  language: string;
  templates: MessageTemplate[];
}> {
  const lang = requestedLanguage(input.lang);
  const issued = await rolloutInviteLink(ctx, input, actor);
  const organisation = issued.group.organisationId
    ? await ctx.uow.run((repos) => repos.organisations.findById(issued.group.organisationId!))
    : undefined;
  const inviteUrl = inviteUrlOf(ctx.publicBaseUrl(), issued.token);
  const t = printTranslator(lang, organisation);
  const values = {
    groupName: issued.group.name,
    inviteLink: inviteUrl,
    validUntil: issued.link.expiresAt
      ? posterDate(issued.link.expiresAt, t)
      : t.t('print.templates.furtherNotice'),
    organisationName: organisation?.displayName ?? t.t('print.templates.ourOrganisation'),
  };
  return {
    group: { id: issued.group.id, name: issued.group.name },
    inviteUrl,
    expiresAt: issued.link.expiresAt,
    language: t.locale,
    templates: messageTemplates(t, values),
  };
}
