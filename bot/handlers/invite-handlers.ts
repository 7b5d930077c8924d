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
import { formatDate } from './describe';
import { openGroupReply } from './group-handlers';
import { type Reply, textReply } from './reply';

/** `invite <group>` and the Invite people button: a fresh link (earlier ones keep working). */
export async function inviteReply(session: Session, ref: GroupRef): Promise<Reply> {
  const groupId = await session.groupId(ref);
  const issued = await createInviteLink(session.deps.ctx, { groupId }, await session.actor());
  return session.card(
    'invite-link',
    await inviteCardData(session, issued, ''),
    session.words.t('bot.invite.ack'),
  );
}

/** Reset link: every earlier link of the group stops working; the card shows the new one. */
export async function resetLinkReply(session: Session, groupId: string): Promise<Reply> {
  const issued = await resetInviteLink(session.deps.ctx, { groupId }, await session.actor());
  return session.card(
    'invite-link',
    await inviteCardData(session, issued, session.words.t('bot.invite.resetNotice')),
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
  return session.card(
    'invite-link',
    await inviteCardData(session, issued, session.words.t('bot.invite.savedNotice')),
  );
}

/** `join <link>`: the sender joins the link's group, or hears exactly why not. */
export async function joinReply(session: Session, link: string): Promise<Reply> {
  const token = extractInviteToken(link);
  if (!token) throw new InviteNotFound();
  const result = await redeemInviteLink(session.deps.ctx, { token }, await session.actor());
  if (result.outcome === 'requested') {
    return textReply(session.words.t('bot.join.requested', { group: result.group.name }));
  }
  const headline = session.words.t(result.outcome === 'joined' ? 'bot.group.joined' : 'bot.group.alreadyIn');
  return openGroupReply(session, result.group.id, headline);
}

async function inviteCardData(
  session: Session,
  issued: IssuedInviteLink,
  notice: string,
): Promise<InviteLinkCardData> {
  const { link, group } = issued;
  const { organisation } = await viewGroup(session.deps.ctx, group.id, await session.actor());
  const { words } = session;
  const organisationName = organisation?.displayName ?? words.t('bot.invite.theOrganisation');
  const whoMayJoin = link.organisationAccountsOnly
    ? words.t('bot.invite.organisationOnly', { organisation: organisationName })
    : words.t('bot.invite.anyone');
  const lifetimeDays = link.expiresAt
    ? Math.round((Date.parse(link.expiresAt) - Date.parse(link.createdAt)) / 86_400_000)
    : 0;
  return {
    groupId: group.id,
    groupName: group.name,
    url: session.inviteUrl(issued.token),
    whoMayJoin,
    expires: link.expiresAt
      ? words.t('bot.invite.expires', { date: formatDate(link.expiresAt, words), days: lifetimeDays })
      : words.t('bot.invite.never'),
    usesLeft:
      link.maxUses === null
        ? words.t('bot.invite.noLimit')
        : words.t('bot.invite.usesLeft', { left: link.maxUses - link.uses, max: link.maxUses }),
    notice,
    expiresInDays: lifetimeDays,
    maxUses: link.maxUses,
    organisationAccountsOnly: link.organisationAccountsOnly ? 'true' : 'false',
    canLimitToOrganisation: group.organisationId !== null,
    // Widening an organisation group's link lets in people of other tenants: say so on the card.
    openWarning:
      group.organisationId !== null && !link.organisationAccountsOnly
        ? words.t('bot.invite.openWarning', { organisation: organisationName })
        : '',
    approval: words.t(link.approvalRequired ? 'bot.invite.approvalRequired' : 'bot.invite.noApproval'),
    approvalRequired: link.approvalRequired ? 'true' : 'false',
  };
}
