import type { Actor } from '../access/actor';
import type { OrgAdminClaim } from '../organisations/org-admin';
import { newPerson } from '../people/person';
import { newId } from '../shared/ids';
import type { DomainContext } from '../shared/unit-of-work.port';

export interface TeamsIdentity {
  tenantId: string;
  aadObjectId: string;
  displayName: string | null;
  /** The sign-in name (asha@contoso.com), when a token carried it. */
  userPrincipalName?: string | null;
  /**
   * Set only for a verified Entra token: what it says about the person running their organisation
   * (empty: nothing). Absent for identities that carry no such token (bot turns, local mode).
   */
  orgAdminClaims?: OrgAdminClaim[];
}

/**
 * Turns a proven Microsoft 365 identity into an actor, creating the person on first contact and
 * keeping their display name current. This runs on every bot turn and API call: a known person
 * whose name is unchanged costs one read, without a transaction.
 */
export async function identifyTeamsUser(ctx: DomainContext, identity: TeamsIdentity): Promise<Actor> {
  const known = await ctx.uow.read((repos) =>
    repos.people.findByAadObjectId(identity.tenantId, identity.aadObjectId),
  );
  if (known && (!identity.displayName || identity.displayName === known.displayName)) {
    return { personId: known.id, tenantId: identity.tenantId, displayName: identity.displayName };
  }
  return ctx.uow.run(async (repos) => {
    let person = await repos.people.findByAadObjectId(identity.tenantId, identity.aadObjectId);
    if (!person) {
      person = newPerson({
        id: newId(),
        tenantId: identity.tenantId,
        aadObjectId: identity.aadObjectId,
        displayName: identity.displayName,
        createdAt: ctx.clock.now().toISOString(),
      });
      await repos.people.insert(person);
    } else if (identity.displayName && identity.displayName !== person.displayName) {
      await repos.people.update(person.id, { displayName: identity.displayName });
    }
    return { personId: person.id, tenantId: identity.tenantId, displayName: identity.displayName };
  });
}
