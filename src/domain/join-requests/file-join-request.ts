import { auditEntry } from '../audit/audit-entry';
import type { Group } from '../groups/group';
import type { InviteLink } from '../invites/invite-link';
import { newId } from '../shared/ids';
import type { Repositories } from '../shared/unit-of-work.port';
import { JOIN_REQUEST_LIFETIME_DAYS, type JoinRequest, joinRequestLimits } from './join-request';
import { JoinRequestsFull, JoinRequestsTooMany } from './join-request.errors';

const HOUR_MS = 3_600_000;

/**
 * Files a request to join `group` through `link`, after the rate limits. Asking twice while the first
 * request waits answers with the first. Nothing here depends on who is already in the group, so the
 * answer never tells a stranger whether a number belongs to a member.
 */
export async function fileJoinRequest(
  repos: Repositories,
  input: {
    link: InviteLink;
    group: Group;
    displayName: string;
    phone: string | null;
    personId: string | null;
    requesterKey: string | null;
    now: Date;
  },
): Promise<JoinRequest> {
  const { link, group, now } = input;
  const at = now.toISOString();
  const hourAgo = new Date(now.getTime() - HOUR_MS).toISOString();
  if (
    input.requesterKey !== null &&
    (await repos.joinRequests.countCreatedSince({ requesterKey: input.requesterKey }, hourAgo)) >=
      joinRequestLimits.perRequesterPerHour
  ) {
    throw new JoinRequestsTooMany('requester', 3600);
  }
  const waiting = await repos.joinRequests.findPending(group.id, input, at);
  if (waiting) return waiting;
  if (
    (await repos.joinRequests.countCreatedSince({ linkId: link.id }, hourAgo)) >=
    joinRequestLimits.perLinkPerHour
  ) {
    throw new JoinRequestsTooMany('link', 3600);
  }
  if ((await repos.joinRequests.countPending({ linkId: link.id }, at)) >= joinRequestLimits.pendingPerLink) {
    throw new JoinRequestsFull(group.name);
  }
  if (
    input.phone !== null &&
    (await repos.joinRequests.countPending({ phone: input.phone }, at)) >= joinRequestLimits.pendingPerPhone
  ) {
    throw new JoinRequestsTooMany('phone', 86_400);
  }
  const request: JoinRequest = {
    id: newId(),
    groupId: group.id,
    linkId: link.id,
    displayName: input.displayName,
    phone: input.phone,
    personId: input.personId,
    requesterKey: input.requesterKey,
    state: 'pending',
    createdAt: at,
    expiresAt: new Date(now.getTime() + JOIN_REQUEST_LIFETIME_DAYS * 86_400_000).toISOString(),
    decidedBy: null,
    decidedAt: null,
  };
  await repos.joinRequests.insert(request);
  await repos.audit.append(
    auditEntry(now, input.personId, 'join-request.created', group.id, {
      requestId: request.id,
      linkId: link.id,
    }),
  );
  return request;
}
