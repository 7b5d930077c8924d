import type { Actor } from '../access/actor';
import type { DomainError } from '../shared/domain-error';
import type { Repositories } from '../shared/unit-of-work.port';
import { OrgAdminsOnly } from './org-admin.errors';
import type { Organisation } from './organisation';

/**
 * The organisation of the actor's proven tenant, if they are one of its org admins. `refuse` says
 * what the refusal names (by default, managing the org admins).
 */
export async function requireOrgAdminOf(
  repos: Repositories,
  actor: Actor,
  refuse: () => DomainError = () => new OrgAdminsOnly(),
): Promise<Organisation> {
  const organisation = actor.tenantId ? await repos.organisations.findByTenantId(actor.tenantId) : undefined;
  if (!organisation || !(await repos.roles.isOrgAdmin(organisation.id, actor.personId))) throw refuse();
  return organisation;
}
