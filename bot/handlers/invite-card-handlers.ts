import { answerCardInvite } from '../../src/domain/invites/answer-card-invite';
import { type CardInviteSummary, describeCardInvite } from '../../src/domain/invites/describe-card-invite';
import { type InviteCardData, inviteCardAttachment } from '../cards/invite-card';
import type { Session } from '../session';
import type { Reply } from './reply';

/** The employee invite card as the invite stands now. */
export function inviteCardData(summary: CardInviteSummary): InviteCardData {
  const base = {
    inviteId: summary.invite.id,
    groupName: summary.group.name,
    parentName: summary.parentName,
    inviterName: summary.inviterName,
    memberCount: summary.memberCount,
  };
  if (summary.membershipState === 'joined') {
    return { ...base, status: 'joined', statusText: `You joined ${summary.group.name}.` };
  }
  if (summary.membershipState === 'declined') {
    return { ...base, status: 'declined', statusText: 'Changed your mind? You can still join.' };
  }
  if (summary.membershipState === null) {
    return { ...base, status: 'problem', statusText: 'This invitation was withdrawn.' };
  }
  return { ...base, status: 'open' };
}

/**
 * Join or Not now on an invite card, for the person who pressed it: the answer is recorded and the
 * card comes back as it now stands. Only the invite's own person may answer (the use case refuses others).
 */
export async function answerInviteCardReply(
  session: Session,
  inviteId: string,
  answer: 'join' | 'decline',
): Promise<Reply> {
  const summary = await answerCardInvite(session.deps.ctx, { inviteId, answer }, session.identity);
  return { card: inviteCardAttachment(inviteCardData(summary)) };
}

/** Refresh (Teams asks when the card is shown again): the card as the invite stands now, nothing changed. */
export async function refreshInviteCardReply(session: Session, inviteId: string): Promise<Reply> {
  const summary = await describeCardInvite(session.deps.ctx, inviteId, session.identity);
  return { card: inviteCardAttachment(inviteCardData(summary)) };
}
