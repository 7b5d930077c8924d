import type { DomainContext } from '../shared/unit-of-work.port';
import type { TeamsIdentity } from './identify-teams-user';

/**
 * Records the language a Teams user's client speaks, so cards sent to them later without a turn of
 * theirs to read it from (invites) are in their language. Stored only when it changed; false when
 * Convene does not know the person yet.
 */
export function rememberLocale(
  ctx: DomainContext,
  identity: Pick<TeamsIdentity, 'tenantId' | 'aadObjectId'>,
  locale: string,
): Promise<boolean> {
  return ctx.uow.run((repos) => repos.people.rememberLocale(identity.tenantId, identity.aadObjectId, locale));
}
