import type { Actor } from '../access/actor';
import type { DomainContext } from '../shared/unit-of-work.port';
import type { Organisation } from './organisation';

export interface ActorProfile {
  personId: string;
  displayName: string | null;
  organisation: Organisation | null;
  isOrgAdmin: boolean;
}

/** Who the actor is to Convene: their organisation (if their tenant has one) and whether they run it. */
export function describeActor(ctx: DomainContext, actor: Actor): Promise<ActorProfile> {
  return ctx.uow.run(async (repos) => {
    const organisation = actor.tenantId
      ? ((await repos.organisations.findByTenantId(actor.tenantId)) ?? null)
      : null;
    const isOrgAdmin = organisation ? await repos.roles.isOrgAdmin(organisation.id, actor.personId) : false;
    return { personId: actor.personId, displayName: actor.displayName, organisation, isOrgAdmin };
  });
}
