import type { Middleware, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { DomainContext } from '../../src/domain/shared/unit-of-work.port';
import type { TeamsAddressBook } from '../../src/infra/delivery/teams-address-book';
import { setDomainContext } from './turn-context-keys';

/**
 * Runs on every turn: gives invite-card actions their domain context, and remembers where each
 * person's 1:1 chat with the bot is, so invite cards can later be sent there proactively
 * (in local mode this is how the Agents Playground's users get theirs).
 */
export function inviteCardMiddleware(
  ctx: DomainContext,
  addressBook: TeamsAddressBook,
  logger: Logger,
): Middleware {
  return {
    async onTurn(turn: TurnContext, next: () => Promise<void>): Promise<void> {
      setDomainContext(turn, ctx);
      const activity = turn.activity;
      const tenantId = activity.conversation?.tenantId ?? activity.channelData?.tenant?.id;
      const aadObjectId = activity.from?.aadObjectId;
      const personal =
        activity.conversation?.conversationType === 'personal' || activity.conversation?.isGroup === false;
      if (tenantId && aadObjectId && activity.serviceUrl && activity.conversation?.id && personal) {
        await addressBook
          .remember(
            tenantId,
            aadObjectId,
            {
              serviceUrl: activity.serviceUrl,
              conversationId: activity.conversation.id,
              botId: activity.recipient?.id,
            },
            ctx.clock.now(),
          )
          .catch((error) => logger.warn({ err: error }, 'could not remember the chat address'));
      }
      await next();
    },
  };
}
