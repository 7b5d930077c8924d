import type { Middleware, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { TeamsAddressBook } from '../../src/domain/directory/teams-address-book.port';
import type { DomainContext } from '../../src/domain/shared/unit-of-work.port';
import { type IdentityTrust, teamsIdentityOf, untrustedSender } from '../turn-identity';

/**
 * Runs on every turn: remembers where each person's 1:1 chat with the bot is, so invite cards can
 * later be sent there proactively (in local mode this is how the Agents Playground's users get theirs).
 */
export function inviteCardMiddleware(
  ctx: DomainContext,
  addressBook: TeamsAddressBook,
  logger: Logger,
  trust: IdentityTrust,
): Middleware {
  // Every turn would otherwise write the same address again; a chat's address rarely changes, so each
  // process remembers what it stored for a while (bounded) and skips identical writes. Installation and
  // membership updates always write: delivery forgets a blocked chat's address, and a reinstall brings
  // back the same conversation id.
  const stored = new Map<string, { address: string; until: number }>();
  const MAX_REMEMBERED = 10_000;
  const REMEMBER_MS = 10 * 60_000;
  return {
    async onTurn(turn: TurnContext, next: () => Promise<void>): Promise<void> {
      const activity = turn.activity;
      // Only a sender Teams vouches for gets a chat address (the bot refuses the others' turns).
      const sender = untrustedSender(activity, trust) ? undefined : teamsIdentityOf(turn);
      const tenantId = sender?.tenantId;
      const aadObjectId = sender?.aadObjectId;
      const personal =
        activity.conversation?.conversationType === 'personal' || activity.conversation?.isGroup === false;
      const key = `${tenantId}|${aadObjectId}`;
      const address = `${activity.serviceUrl}|${activity.conversation?.id}|${activity.recipient?.id}`;
      const known = stored.get(key);
      const unchanged =
        activity.type === 'message' || activity.type === 'invoke'
          ? known?.address === address && known.until > Date.now()
          : false;
      if (
        tenantId &&
        aadObjectId &&
        activity.serviceUrl &&
        activity.conversation?.id &&
        personal &&
        !unchanged
      ) {
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
          .then(() => {
            if (stored.size >= MAX_REMEMBERED) stored.clear();
            stored.set(key, { address, until: Date.now() + REMEMBER_MS });
          })
          .catch((error) => logger.warn({ err: error }, 'could not remember the chat address'));
      }
      await next();
    },
  };
}
