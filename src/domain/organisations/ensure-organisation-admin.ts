import { auditEntry } from '../audit/audit-entry';
import { identifyTeamsUser, type TeamsIdentity } from '../people/identify-teams-user';
import type { DomainContext } from '../shared/unit-of-work.port';
import { ensureOrganisation, type OrganisationDraft } from './ensure-organisation';
import type { Organisation } from './organisation';

/**
 * Makes sure the local developer is an org admin of the local organisation (both created if
 * missing): at start-up in local mode, and by the CLI in local mode.
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
      await repos.roles.addOrgAdmin(organisation.id, actor.personId, {
        source: 'local-developer',
        grantedBy: null,
        grantedAt: now.toISOString(),
      });
      await repos.audit.append(
        auditEntry(now, actor.personId, 'organisation.admin-added', null, {
          organisationId: organisation.id,
          personId: actor.personId,
          source: 'local-developer',
        }),
      );
    }
    return organisation;
  });
}
