import type { Actor } from '../access/actor';
import { inviteUrl as inviteUrlOf } from '../invites/invite-link';
import {
  fillMessage,
  type MessageTemplate,
  messageTemplates,
  templatePlaceholders,
} from './content/message-templates';
import { posterDate } from './content/posters';
import type { RolloutContext } from './rollout.ports';
import { rolloutAudience } from './rollout-audience';
import { rolloutInviteLink } from './rollout-invite-link';

/** Templates link for as long as a poster: both go out on rollout day. */
export const TEMPLATE_LINK_DAYS = 90;

/** The templates as written, with their {{placeholders}}, for org admins and champs to preview. */
export async function listMessageTemplates(
  ctx: RolloutContext,
  actor: Actor,
): Promise<{ templates: readonly MessageTemplate[]; placeholders: readonly string[] }> {
  await ctx.uow.run((repos) => rolloutAudience(repos, actor, 'see'));
  return { templates: messageTemplates, placeholders: templatePlaceholders };
}

/**
 * The templates with one group's details and a fresh invite link filled in, ready to copy. Anyone who
 * may invite to the group may ask (its admins, champs and org admins).
 */
export async function groupMessageTemplates(
  ctx: RolloutContext,
  input: { groupId: string; expiresInDays?: number },
  actor: Actor,
): Promise<{
  group: { id: string; name: string };
  inviteUrl: string;
  expiresAt: string | null;
  templates: MessageTemplate[];
}> {
  const issued = await rolloutInviteLink(ctx, input, actor);
  const organisation = issued.group.organisationId
    ? await ctx.uow.run((repos) => repos.organisations.findById(issued.group.organisationId!))
    : undefined;
  const inviteUrl = inviteUrlOf(ctx.publicBaseUrl(), issued.token);
  const values = {
    groupName: issued.group.name,
    inviteLink: inviteUrl,
    validUntil: issued.link.expiresAt ? posterDate(issued.link.expiresAt) : 'further notice',
    organisationName: organisation?.displayName ?? 'our organisation',
  };
  return {
    group: { id: issued.group.id, name: issued.group.name },
    inviteUrl,
    expiresAt: issued.link.expiresAt,
    templates: messageTemplates.map((template) => ({
      ...template,
      ...(template.subject ? { subject: fillMessage(template.subject, values) } : {}),
      text: fillMessage(template.text, values),
    })),
  };
}
