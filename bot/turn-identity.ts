import type { Activity, TurnContext } from 'botbuilder';
import type { TeamsIdentity } from '../src/domain/people/identify-teams-user';

/** Which activities may name a Microsoft 365 person. */
export interface IdentityTrust {
  mode: 'local' | 'tenant';
  /** Tenant mode: the tenants whose people Convene serves (`'*'`: any). */
  allowedTenants: readonly string[] | '*';
}

/** Why an activity's sender cannot be taken as a Microsoft 365 person; null when they can. */
export type UntrustedSender = 'channel' | 'tenant' | null;

/**
 * In tenant mode only Microsoft Teams vouches for `from.aadObjectId` and the tenant: another
 * channel (Web Chat, Direct Line, …) passes on whatever its client typed, with a valid Bot Framework
 * token all the same. So identity comes only from `msteams` activities of an allowed tenant. Local
 * mode trusts the activity (the Agents Playground stands in for Teams).
 */
export function untrustedSender(activity: Partial<Activity>, trust: IdentityTrust): UntrustedSender {
  if (trust.mode === 'local') return null;
  if (activity.channelId !== 'msteams') return 'channel';
  const tenantId = tenantOf(activity);
  const named = activity.channelData?.tenant?.id;
  if (!tenantId || (named && named !== tenantId)) return 'tenant';
  if (trust.allowedTenants !== '*' && !trust.allowedTenants.includes(tenantId)) return 'tenant';
  return null;
}

/**
 * The Teams user on the activity: their Entra object id and tenant. Callers check the activity
 * with `untrustedSender` first (the bot does for every turn); outside Teams they are missing.
 */
export function teamsIdentityOf(turn: TurnContext): TeamsIdentity | undefined {
  const activity = turn.activity;
  const tenantId = tenantOf(activity);
  const aadObjectId = activity.from?.aadObjectId;
  if (!tenantId || !aadObjectId) return undefined;
  return { tenantId, aadObjectId, displayName: activity.from.name ?? null };
}

function tenantOf(activity: Partial<Activity>): string | undefined {
  return activity.conversation?.tenantId ?? activity.channelData?.tenant?.id;
}
