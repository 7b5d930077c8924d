import { answerCardInvite } from '../../src/domain/invites/answer-card-invite';
import { type CardInviteSummary, describeCardInvite } from '../../src/domain/invites/describe-card-invite';
import { type InviteCardData, inviteCardAttachment } from '../cards/invite-card';
import type { Session } from '../session';
import type { Reply } from './reply';

/** The employee invite card as the invite stands now (the card's words follow its status). */
export function inviteCardData(summary: CardInviteSummary): InviteCardData {
  const state = summary.membershipState;
  return {
    inviteId: summary.invite.id,
    groupName: summary.group.name,
    parentName: summary.parentName,
    inviterName: summary.inviterName,
    memberCount: summary.memberCount,
    status: state === 'joined' || state === 'declined' ? state : state === null ? 'problem' : 'open',
  };
}

/**
 * Join or Not now on an invite card, for the person who pressed it: the answer is recorded and the
 * card comes back as it now stands, in the language of the Teams client that pressed it. Only the
 * invite's own person may answer (the use case refuses others).
 */
export async function answerInviteCardReply(
  session: Session,
  inviteId: string,
  answer: 'join' | 'decline',
): Promise<Reply> {
  const summary = await answerCardInvite(session.deps.ctx, { inviteId, answer }, session.identity);
  return { card: inviteCardAttachment(inviteCardData(summary), session.words) };
}

/** Refresh (Teams asks when the card is shown again): the card as the invite stands now, nothing changed. */
export async function refreshInviteCardReply(session: Session, inviteId: string): Promise<Reply> {
  const summary = await describeCardInvite(session.deps.ctx, inviteId, session.identity);
  return { card: inviteCardAttachment(inviteCardData(summary), session.words) };
}
