import { auditEntry } from '../audit/audit-entry';
import type { Group } from '../groups/group';
import { requestMemberSync } from '../provisioning/provision-group.job';
import type { Repositories } from '../shared/unit-of-work.port';
import type { Membership, MembershipSource } from './membership';

/**
 * Makes a signed-in person a joined member (an invitation they had becomes joined), audited and queued
 * for the team's member sync: the end of joining by link, and of an approved request from someone
 * signed in.
 */
export async function joinGroup(
  repos: Repositories,
  input: {
    group: Group;
    personId: string;
    existing: Membership | undefined;
    source: MembershipSource;
    invitedBy: string | null;
    actorId: string;
    details: Record<string, unknown>;
    now: Date;
  },
): Promise<void> {
  const { group, personId, now } = input;
  const at = now.toISOString();
  if (input.existing) {
    await repos.memberships.setState(group.id, personId, 'joined', at);
  } else {
    await repos.memberships.insert({
      groupId: group.id,
      personId,
      role: 'member',
      source: input.source,
      state: 'joined',
      invitedBy: input.invitedBy,
      createdAt: at,
      updatedAt: at,
    });
  }
  await repos.audit.append(
    auditEntry(now, input.actorId, 'member.joined', group.id, { personId, ...input.details }),
  );
  await requestMemberSync(repos, [group.id], now);
}
