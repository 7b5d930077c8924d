import type { Actor } from '../access/actor';
import { assertMay } from '../access/permissions';
import { relationsTo } from '../access/relations';
import { auditEntry } from '../audit/audit-entry';
import { loadGroup } from '../groups/load-group';
import type { DomainContext } from '../shared/unit-of-work.port';
import { CardInviteNotFound, CardInviteWithdrawn } from './card-invite.errors';

/**
 * Sends someone's invite card again (a champ nudging a person who has not answered, or after a
 * failure was fixed). Re-queues the invite with a fresh attempt budget, even if it was declined.
 */
export function resendCardInvite(
  ctx: DomainContext,
  input: { groupId: string; inviteId: string },
  actor: Actor,
): Promise<{ queued: boolean }> {
  return ctx.uow.run(async (repos) => {
    const group = await loadGroup(repos, input.groupId);
    assertMay(await relationsTo(repos, actor, group), 'invite', group.name);
    const invite = await repos.cardInvites.findById(input.inviteId);
    if (!invite || invite.groupId !== group.id) throw new CardInviteNotFound(input.inviteId);
    const membership = await repos.memberships.find(group.id, invite.personId);
    if (!membership) throw new CardInviteWithdrawn(group.name);
    if (membership.state === 'joined') return { queued: false };
    const now = ctx.clock.now();
    // A declined invitation that is sent again is open again.
    if (membership.state === 'declined') {
      await repos.memberships.setState(group.id, invite.personId, 'invited', now.toISOString());
    }
    await repos.cardInvites.enqueue(
      [{ groupId: group.id, personId: invite.personId, invitedBy: actor.personId }],
      now.toISOString(),
      { includeAnswered: true },
    );
    await repos.audit.append(
      auditEntry(now, actor.personId, 'card-invite.resent', group.id, {
        inviteId: invite.id,
        personId: invite.personId,
      }),
    );
    return { queued: true };
  });
}
