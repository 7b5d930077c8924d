import { viewGroup } from '../../src/domain/groups/view-group';
import {
  createInviteLink,
  type InviteLinkSettings,
  type IssuedInviteLink,
  resetInviteLink,
} from '../../src/domain/invites/create-invite-link';
import { InviteNotFound } from '../../src/domain/invites/invite.errors';
import { extractInviteToken } from '../../src/domain/invites/invite-link';
import { redeemInviteLink } from '../../src/domain/invites/redeem-invite-link';
import type { InviteLinkCardData } from '../cards/card-data';
import type { GroupRef, Session } from '../session';
import { countOf, formatDate } from './describe';
import { openGroupReply } from './group-handlers';
import { cardReply, type Reply, textReply } from './reply';

/** `invite <group>` and the Invite people button: a fresh link (earlier ones keep working). */
export async function inviteReply(session: Session, ref: GroupRef): Promise<Reply> {
  const groupId = await session.groupId(ref);
  const issued = await createInviteLink(session.deps.ctx, { groupId }, await session.actor());
  return cardReply('invite-link', await inviteCardData(session, issued, ''), 'Here is the invite link.');
}

/** Reset link: every earlier link of the group stops working; the card shows the new one. */
export async function resetLinkReply(session: Session, groupId: string): Promise<Reply> {
  const issued = await resetInviteLink(session.deps.ctx, { groupId }, await session.actor());
  return cardReply(
    'invite-link',
    await inviteCardData(session, issued, 'Link reset: the old link no longer works.'),
  );
}

/**
 * The settings form sends strings or numbers, depending on the client. Anything unreadable becomes
 * NaN, which the use case refuses with its own coded reason (INVITE_SETTINGS_INVALID).
 */
function readSettings(form: Record<string, unknown>): InviteLinkSettings {
  const number = (value: unknown) =>
    typeof value === 'number' ? value : Number(String(value ?? '').trim() || Number.NaN);
  const maxUses =
    form.maxUses === undefined || String(form.maxUses).trim() === '' ? null : number(form.maxUses);
  return {
    expiresInDays: number(form.expiresInDays),
    maxUses,
    organisationAccountsOnly:
      form.organisationAccountsOnly === undefined ? undefined : isOn(form.organisationAccountsOnly),
    approvalRequired: isOn(form.approvalRequired),
  };
}

const isOn = (value: unknown): boolean => value === true || value === 'true';

/** Link settings → Save: a new link with those settings replaces the group's links. */
export async function saveLinkSettingsReply(
  session: Session,
  groupId: string,
  form: Record<string, unknown>,
): Promise<Reply> {
  const settings = readSettings(form);
  const issued = await resetInviteLink(session.deps.ctx, { groupId, ...settings }, await session.actor());
  return cardReply(
    'invite-link',
    await inviteCardData(session, issued, 'Settings saved: this new link replaces the old one.'),
  );
}

/** `join <link>`: the sender joins the link's group, or hears exactly why not. */
export async function joinReply(session: Session, link: string): Promise<Reply> {
  const token = extractInviteToken(link);
  if (!token) throw new InviteNotFound();
  const result = await redeemInviteLink(session.deps.ctx, { token }, await session.actor());
  if (result.outcome === 'requested') {
    return textReply(
      `An admin of **${result.group.name}** approves each new member: your request is with them. Once they approve it, the group is in your **groups**.`,
    );
  }
  const headline = result.outcome === 'joined' ? 'You joined' : 'You are already in';
  return openGroupReply(session, result.group.id, headline);
}

async function inviteCardData(
  session: Session,
  issued: IssuedInviteLink,
  notice: string,
): Promise<InviteLinkCardData> {
  const { link, group } = issued;
  const { organisation } = await viewGroup(session.deps.ctx, group.id, await session.actor());
  const organisationName = organisation?.displayName ?? 'the organisation';
  const whoMayJoin = link.organisationAccountsOnly
    ? `Only ${organisationName} accounts`
    : 'Anyone with the link';
  const lifetimeDays = link.expiresAt
    ? Math.round((Date.parse(link.expiresAt) - Date.parse(link.createdAt)) / 86_400_000)
    : 0;
  return {
    groupId: group.id,
    groupName: group.name,
    url: session.inviteUrl(issued.token),
    whoMayJoin,
    expires: link.expiresAt ? `${formatDate(link.expiresAt)} (in ${countOf(lifetimeDays, 'day')})` : 'Never',
    usesLeft: link.maxUses === null ? 'No limit' : `${link.maxUses - link.uses} of ${link.maxUses}`,
    notice,
    expiresInDays: lifetimeDays,
    maxUses: link.maxUses,
    organisationAccountsOnly: link.organisationAccountsOnly ? 'true' : 'false',
    canLimitToOrganisation: group.organisationId !== null,
    // Widening an organisation group's link lets in people of other tenants: say so on the card.
    openWarning:
      group.organisationId !== null && !link.organisationAccountsOnly
        ? `Anyone with this link can join, including people outside ${organisationName}. They are marked external in the member list.`
        : '',
    approval: link.approvalRequired ? 'An admin approves each join' : 'No: people join at once',
    approvalRequired: link.approvalRequired ? 'true' : 'false',
  };
}
