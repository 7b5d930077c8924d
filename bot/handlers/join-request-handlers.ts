import {
  decideJoinRequests,
  type JoinDecision,
  type JoinDecisionResult,
} from '../../src/domain/join-requests/decide-join-requests';
import { listJoinRequests } from '../../src/domain/join-requests/list-join-requests';
import type { GroupRef, Session } from '../session';
import { countOf, formatDate } from './describe';
import { cardReply, type Reply } from './reply';

/** `requests <group>`: who asked to join and waits, with Approve and Decline for each or all. */
export async function joinRequestsReply(session: Session, ref: GroupRef, notice = ''): Promise<Reply> {
  const groupId = await session.groupId(ref);
  const { group, requests } = await listJoinRequests(session.deps.ctx, groupId, await session.actor());
  return cardReply('join-requests', {
    groupId: group.id,
    groupName: group.name,
    count: requests.length,
    countLabel:
      requests.length === 0 ? 'No requests waiting' : `${countOf(requests.length, 'request')} waiting`,
    notice,
    requests: requests.map((r) => ({
      requestId: r.id,
      label: r.phone ? `${r.displayName} (${r.phone})` : r.displayName,
      facts: `Asked ${formatDate(r.createdAt)}${r.signedIn ? ' · signed in' : ''}`,
    })),
  });
}

/** Approve / Decline on the requests card, for one request or (without an id) all of them. */
export async function decideJoinRequestsReply(
  session: Session,
  groupId: string,
  decision: JoinDecision,
  requestId: string,
): Promise<Reply> {
  const results = await decideJoinRequests(
    session.deps.ctx,
    { groupId, decision, requestIds: requestId ? [requestId] : undefined },
    await session.actor(),
  );
  return joinRequestsReply(session, { id: groupId }, decisionNotice(results));
}

function decisionNotice(results: JoinDecisionResult[]): string {
  const decided = results.filter((r) => r.outcome !== 'gone');
  const gone = results.length - decided.length;
  const words = decided.map((r) => `${r.outcome === 'approved' ? 'Approved' : 'Declined'} ${r.displayName}.`);
  if (gone > 0) words.push(`${countOf(gone, 'request')} had already been answered or expired.`);
  return words.join(' ');
}
