import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import { answerCardInvite } from '../../src/domain/invites/answer-card-invite';
import type { CardInviteSummary } from '../../src/domain/invites/describe-card-invite';
import { describeCardInvite } from '../../src/domain/invites/describe-card-invite';
import { DomainError } from '../../src/domain/shared/domain-error';
import { type InviteCardData, inviteCardAttachment } from '../cards/invite-card';
import { teamsIdentityOf } from '../turn-identity';
import { domainContextOf } from './turn-context-keys';

/** Verbs this module answers; the main bot hands every `invite.*` verb here. */
export const inviteCardVerbs = ['invite.join', 'invite.decline', 'invite.refresh'] as const;

const statusByKind: Record<DomainError['kind'], number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  gone: 410,
  'rate-limited': 429,
  'too-large': 413,
};

/** The card for an invite as it stands now. */
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
 * Answers an Adaptive Card `Action.Execute` whose verb starts with `invite.`: records Join or
 * Not now for the person who pressed it and returns the updated card, which replaces the
 * original in place. Refusals (not their invite, withdrawn) come back as an error response with
 * the refusal's code, which Teams shows on the card.
 */
export async function handleInviteCardAction(
  turn: TurnContext,
  verb: string,
  data: unknown,
): Promise<AdaptiveCardInvokeResponse> {
  const inviteId = (data as { inviteId?: unknown } | undefined)?.inviteId;
  if (typeof inviteId !== 'string' || !(inviteCardVerbs as readonly string[]).includes(verb)) {
    return errorResponse(400, 'CARD_ACTION_INVALID', `This card action (${verb}) is not one Convene knows.`);
  }
  const identity = teamsIdentityOf(turn);
  if (!identity) {
    return errorResponse(
      401,
      'TEAMS_ACCOUNT_REQUIRED',
      'Open this invitation in Microsoft Teams to answer it.',
    );
  }
  const ctx = domainContextOf(turn);
  try {
    const summary =
      verb === 'invite.refresh'
        ? await describeCardInvite(ctx, inviteId, identity)
        : await answerCardInvite(
            ctx,
            { inviteId, answer: verb === 'invite.join' ? 'join' : 'decline' },
            identity,
          );
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: inviteCardAttachment(inviteCardData(summary)).content as never,
    };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return errorResponse(statusByKind[error.kind], error.code, error.message);
  }
}

function errorResponse(statusCode: number, code: string, message: string): AdaptiveCardInvokeResponse {
  return { statusCode, type: 'application/vnd.microsoft.error', value: { code, message } as never };
}
