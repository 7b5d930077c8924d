import { auditEntry } from '../audit/audit-entry';
import type { Group } from '../groups/group';
import { loadGroup } from '../groups/load-group';
import type { TeamsIdentity } from '../people/identify-teams-user';
import type { DomainContext } from '../shared/unit-of-work.port';
import type { CardInviteAnswer } from './card-invite';
import { CardInviteNotFound, CardInviteNotYours, CardInviteWithdrawn } from './card-invite.errors';

export interface CardInviteAnswered {
  outcome: 'joined' | 'declined';
  /** True when the same answer was already recorded (a double tap). */
  unchanged: boolean;
  group: Group;
  parentName: string | null;
  memberCount: number;
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
    const invite = await repos.cardInvites.findById(input.inviteId);
    if (!invite) throw new CardInviteNotFound(input.inviteId);
    const person = await repos.people.findById(invite.personId);
    const isTarget =
      (invite.targetAadObjectId === identity.aadObjectId && invite.targetTenantId === identity.tenantId) ||
      (person?.aadObjectId === identity.aadObjectId && person?.tenantId === identity.tenantId);
    if (!isTarget) throw new CardInviteNotYours(input.inviteId);
    const group = await loadGroup(repos, invite.groupId);
    const membership = await repos.memberships.find(group.id, invite.personId);
    if (!membership) throw new CardInviteWithdrawn(group.name);
    const outcome = input.answer === 'join' ? 'joined' : 'declined';
    const unchanged = membership.state === outcome && invite.state === outcome;
    const now = ctx.clock.now();
    if (!unchanged) {
      const at = now.toISOString();
      await repos.memberships.setState(group.id, invite.personId, outcome, at);
      await repos.cardInvites.answer(invite.id, outcome, at);
      await repos.audit.append(
        auditEntry(
          now,
          invite.personId,
          outcome === 'joined' ? 'member.joined' : 'member.declined',
          group.id,
          {
            via: 'card',
            inviteId: invite.id,
          },
        ),
      );
    }
    const parent = group.parentId ? await repos.groups.findById(group.parentId) : undefined;
    const members = await repos.memberships.listByGroup(group.id);
    return {
      outcome,
      unchanged,
      group,
      parentName: parent?.name ?? null,
      memberCount: members.filter((m) => m.state === 'joined').length,
    };
  });
}
