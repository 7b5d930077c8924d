import type { Actor } from '../access/actor';
import type { Organisation } from '../organisations/organisation';
import type { Repositories } from '../shared/unit-of-work.port';
import { RolloutNotAllowed } from './rollout.errors';

/** How the actor stands towards their organisation's rollout material. */
export interface RolloutAudience {
  organisation: Organisation;
  role: 'org-admin' | 'champ';
}

/**
 * The actor's organisation (from their signed-in tenant) and their part in its rollout. Org admins manage
 * the material; champs of any of its groups see it; anyone else is refused with NOT_ALLOWED.
 */
export async function rolloutAudience(
  repos: Repositories,
  actor: Actor,
  needs: 'see' | 'manage',
): Promise<RolloutAudience> {
  const organisation = actor.tenantId ? await repos.organisations.findByTenantId(actor.tenantId) : undefined;
  if (organisation) {
    if (await repos.roles.isOrgAdmin(organisation.id, actor.personId))
      return { organisation, role: 'org-admin' };
    if (
      needs === 'see' &&
      (await repos.rolloutResources.isChampInOrganisation(organisation.id, actor.personId))
    ) {
      return { organisation, role: 'champ' };
    }
  }
  throw new RolloutNotAllowed(needs === 'see' ? 'see rollout resources' : 'add or remove rollout resources');
}
