import type { Actor } from '../access/actor';
import { auditEntry } from '../audit/audit-entry';
import type { Group } from '../groups/group';
import { queueCardInvites } from '../invites/queue-card-invites';
import { requestMemberSync } from '../provisioning/provision-group.job';
import type { Repositories } from '../shared/unit-of-work.port';
import type { Membership } from './membership';

/**
 * Writes new memberships of one group with what always comes with them, in the caller's transaction:
 * an audit entry each, an invite card each (sent by the delivery worker once this commits), and the
 * group's team brought up to date (those known to Entra join now, the others once they are found).
 * Set-at-a-time, for a pasted column of numbers as for one person added from their page.
 */
export async function admitToGroup(
  repos: Repositories,
  input: { group: Group; memberships: Membership[]; now: Date },
  actor: Actor,
): Promise<void> {
  const { group, memberships, now } = input;
  if (memberships.length === 0) return;
  await repos.bulk.insertMemberships(memberships);
  await repos.bulk.appendAudit(
    memberships.map((m) =>
      auditEntry(now, actor.personId, 'member.added', group.id, { personId: m.personId, role: m.role }),
    ),
  );
  const personIds = memberships.map((m) => m.personId);
  await queueCardInvites(repos, { groupId: group.id, personIds, invitedBy: actor.personId, now });
  await requestMemberSync(repos, [group.id], now);
}
