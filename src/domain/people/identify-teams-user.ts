import type { Actor } from '../access/actor';
import { newId } from '../shared/ids';
import type { DomainContext } from '../shared/unit-of-work.port';

export interface TeamsIdentity {
  tenantId: string;
  aadObjectId: string;
  displayName: string | null;
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
      person = {
        id: newId(),
        phone: null,
        tenantId: identity.tenantId,
        aadObjectId: identity.aadObjectId,
        displayName: identity.displayName,
        createdAt: ctx.clock.now().toISOString(),
      };
      await repos.people.insert(person);
    } else if (identity.displayName && identity.displayName !== person.displayName) {
      await repos.people.update(person.id, { displayName: identity.displayName });
    }
    return { personId: person.id, tenantId: identity.tenantId, displayName: identity.displayName };
  });
}
