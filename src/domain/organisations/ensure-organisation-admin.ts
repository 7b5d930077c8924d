import { auditEntry } from '../audit/audit-entry';
import { identifyTeamsUser, type TeamsIdentity } from '../people/identify-teams-user';
import type { DomainContext } from '../shared/unit-of-work.port';
import { ensureOrganisation, type OrganisationDraft } from './ensure-organisation';
import type { Organisation } from './organisation';

/**
 * Makes sure a person is an org admin of the organisation (both created if missing). Used at start-up
 * for the configured org admins, and for the developer identity in local mode.
 */
export async function ensureOrganisationAdmin(
  ctx: DomainContext,
  draft: OrganisationDraft,
  identity: TeamsIdentity,
): Promise<Organisation> {
  const actor = await identifyTeamsUser(ctx, identity);
  return ctx.uow.run(async (repos) => {
    const now = ctx.clock.now();
    const organisation = await ensureOrganisation(repos, draft, now);
    if (!(await repos.roles.isOrgAdmin(organisation.id, actor.personId))) {
      await repos.roles.addOrgAdmin(organisation.id, actor.personId);
      await repos.audit.append(
        auditEntry(now, actor.personId, 'organisation.admin-added', null, {
          organisationId: organisation.id,
        }),
      );
    }
    return organisation;
  });
}
