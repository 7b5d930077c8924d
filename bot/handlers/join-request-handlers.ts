import {
  decideJoinRequests,
  type JoinDecision,
  type JoinDecisionResult,
} from '../../src/domain/join-requests/decide-join-requests';
import { listJoinRequests } from '../../src/domain/join-requests/list-join-requests';
import type { Translator } from '../../src/i18n/translator';
import type { GroupRef, Session } from '../session';
import { formatDate, ltr } from './describe';
import type { Reply } from './reply';

/** `requests <group>`: who asked to join and waits, with Approve and Decline for each or all. */
export async function joinRequestsReply(session: Session, ref: GroupRef, notice = ''): Promise<Reply> {
  const groupId = await session.groupId(ref);
  const { group, requests } = await listJoinRequests(session.deps.ctx, groupId, await session.actor());
  const { words } = session;
  return session.card('join-requests', {
    groupId: group.id,
    groupName: group.name,
    count: requests.length,
    countLabel: words.t('bot.requests.waiting', { count: requests.length }),
    notice,
    requests: requests.map((r) => ({
      requestId: r.id,
      label: r.phone ? `${r.displayName} (${ltr(r.phone, words)})` : r.displayName,
      facts: words.t('bot.requests.asked', {
        date: formatDate(r.createdAt, words),
        signedIn: r.signedIn ? 'yes' : 'no',
      }),
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
  return joinRequestsReply(session, { id: groupId }, decisionNotice(results, session.words));
}

function decisionNotice(results: JoinDecisionResult[], words: Translator): string {
  const decided = results.filter((r) => r.outcome !== 'gone');
  const gone = results.length - decided.length;
  const sentences = decided.map((r) =>
    words.t(r.outcome === 'approved' ? 'bot.requests.approved' : 'bot.requests.declined', {
      name: r.displayName,
    }),
  );
  if (gone > 0) sentences.push(words.t('bot.requests.gone', { count: gone }));
  return sentences.join(' ');
}
