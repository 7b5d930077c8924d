import type { TurnContext } from 'botbuilder';
import type { TeamsIdentity } from '../src/domain/people/identify-teams-user';

/**
 * The Teams user on the activity: their Entra object id and tenant. The Bot Connector vouches for
 * these (its requests are authenticated); outside Teams they are missing.
 */
export function teamsIdentityOf(turn: TurnContext): TeamsIdentity | undefined {
  const activity = turn.activity;
  const tenantId = activity.conversation?.tenantId ?? activity.channelData?.tenant?.id;
  const aadObjectId = activity.from?.aadObjectId;
  if (!tenantId || !aadObjectId) return undefined;
  return { tenantId, aadObjectId, displayName: activity.from.name ?? null };
}
