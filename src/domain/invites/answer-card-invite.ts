import { auditEntry } from '../audit/audit-entry';
import type { TeamsIdentity } from '../people/identify-teams-user';
import { attachPhonePersonToAccount } from '../people/merge-people';
import { requestMemberSync } from '../provisioning/provision-group.job';
import type { DomainContext } from '../shared/unit-of-work.port';
import type { CardInviteAnswer } from './card-invite';
import { CardInviteWithdrawn } from './card-invite.errors';
import { type CardInviteSummary, loadOwnCardInvite } from './describe-card-invite';

export interface CardInviteAnswered extends CardInviteSummary {
  outcome: 'joined' | 'declined';
  /** True when the same answer was already recorded (a double tap). */
  unchanged: boolean;
}

/**
 * Records the answer a person gave on their invite card. Only the Teams user the card was sent to
 * may answer; answering twice is harmless, and changing one's mind (decline, then join) is allowed.
 */
export function answerCardInvite(
  ctx: DomainContext,
  input: { inviteId: string; answer: CardInviteAnswer },
  identity: TeamsIdentity,
): Promise<CardInviteAnswered> {
  return ctx.uow.run(async (repos) => {
    const now = ctx.clock.now();
    let summary = await loadOwnCardInvite(repos, input.inviteId, identity);
    // The card reached this Teams account through the invited number: from now on they are one person.
    const invited = await repos.people.findById(summary.invite.personId);
    if (input.answer === 'join' && invited && invited.aadObjectId === null) {
      const kept = await attachPhonePersonToAccount(repos, invited, identity, now);
      // When the account had its own invite to this group, that one is kept and answered.
      const invite =
        (await repos.cardInvites.findById(input.inviteId)) ??
        (await repos.cardInvites.findByMembership(summary.group.id, kept));
      summary = await loadOwnCardInvite(repos, invite?.id ?? input.inviteId, identity);
    }
    const { invite, group } = summary;
    if (!summary.membershipState) throw new CardInviteWithdrawn(group.name);
    const outcome = input.answer === 'join' ? 'joined' : 'declined';
    const unchanged = summary.membershipState === outcome && invite.state === outcome;
    if (unchanged) return { ...summary, outcome, unchanged };
    const at = now.toISOString();
    await repos.memberships.setState(group.id, invite.personId, outcome, at);
    await repos.cardInvites.answer(invite.id, outcome, at);
    await repos.audit.append(
      auditEntry(now, invite.personId, outcome === 'joined' ? 'member.joined' : 'member.declined', group.id, {
        via: 'card',
        inviteId: invite.id,
      }),
    );
    // Someone who declined before and joins now belongs in the organisation's team again.
    if (outcome === 'joined') await requestMemberSync(repos, [group.id], now);
    const joinedDelta = (outcome === 'joined' ? 1 : 0) - (summary.membershipState === 'joined' ? 1 : 0);
    return {
      ...summary,
      invite: { ...invite, state: outcome, answeredAt: at },
      membershipState: outcome,
      memberCount: summary.memberCount + joinedDelta,
      outcome,
      unchanged,
    };
  });
}
