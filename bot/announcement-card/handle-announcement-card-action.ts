import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import {
  type AnnouncementCardState,
  acknowledgeAnnouncement,
  describeAnnouncementCopy,
} from '../../src/domain/announcements/answer-announcement';
import { DomainError } from '../../src/domain/shared/domain-error';
import { announcementCardAttachment } from '../cards/announcement-card';
import { domainContextOf } from '../invite-card/turn-context-keys';
import { teamsIdentityOf } from '../turn-identity';

const statusByKind: Record<DomainError['kind'], number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  gone: 410,
  'rate-limited': 429,
};

/** The reader's card as it stands now (Acknowledge gone once pressed). */
function cardFor(state: AnnouncementCardState): Record<string, unknown> {
  const a = state.announcement;
  return announcementCardAttachment({
    deliveryId: state.deliveryId,
    title: a.title,
    body: a.body,
    senderName: state.senderName,
    groupName: state.groupName,
    link: a.link,
    acknowledge: a.acknowledge,
    reminder: false,
    acknowledgedAt: state.acknowledgedAt,
  }).content;
}

/**
 * Answers `announcement.acknowledge` (records "I have read this" for the person who pressed it) and
 * `announcement.refresh` (Teams asks for the viewer's own card): both return the card as it stands for
 * that person, which replaces the one shown.
 */
export async function handleAnnouncementCardAction(
  turn: TurnContext,
  verb: string,
  data: unknown,
): Promise<AdaptiveCardInvokeResponse> {
  const deliveryId = (data as { deliveryId?: unknown } | undefined)?.deliveryId;
  if (typeof deliveryId !== 'string' || !['announcement.acknowledge', 'announcement.refresh'].includes(verb))
    return errorResponse(400, 'CARD_ACTION_INVALID', `This card action (${verb}) is not one Convene knows.`);
  const identity = teamsIdentityOf(turn);
  if (!identity)
    return errorResponse(401, 'TEAMS_ACCOUNT_REQUIRED', 'Open this announcement in Microsoft Teams.');
  const ctx = domainContextOf(turn);
  try {
    const state =
      verb === 'announcement.acknowledge'
        ? await acknowledgeAnnouncement(ctx, deliveryId, identity)
        : await describeAnnouncementCopy(ctx, deliveryId, identity);
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: cardFor(state) as never,
    };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return errorResponse(statusByKind[error.kind], error.code, error.message);
  }
}

function errorResponse(statusCode: number, code: string, message: string): AdaptiveCardInvokeResponse {
  return { statusCode, type: 'application/vnd.microsoft.error', value: { code, message } as never };
}
