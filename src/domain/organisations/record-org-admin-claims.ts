import type { Actor } from '../access/actor';
import { auditEntry } from '../audit/audit-entry';
import type { DomainContext } from '../shared/unit-of-work.port';
import { ensureOrganisation, type OrganisationDraft } from './ensure-organisation';
import { ORG_ADMIN_CLAIMS, type OrgAdminClaim } from './org-admin';

const sameClaims = (a: readonly OrgAdminClaim[], b: readonly OrgAdminClaim[]) =>
  ORG_ADMIN_CLAIMS.every((claim) => a.includes(claim) === b.includes(claim));

/**
 * Brings the actor's Entra-granted org admin status in line with their verified sign-in token: on
 * every verified request, so a role removed in Entra stops counting at the person's next request
 * (once Teams hands out a token without it). The first such person of a tenant creates its
 * organisation. Costs one read when nothing changed; every change is audited.
 */
export async function recordOrgAdminClaims(
  ctx: DomainContext,
  input: { claims: readonly OrgAdminClaim[]; organisation: OrganisationDraft },
  actor: Actor,
): Promise<void> {
  if (!actor.tenantId || actor.tenantId !== input.organisation.tenantId) return;
  const tenantId = actor.tenantId;
  const known = await ctx.uow.read(async (repos) => {
    const organisation = await repos.organisations.findByTenantId(tenantId);
    return {
      organisation,
      claims: organisation ? await repos.roles.findOrgAdminClaims(organisation.id, actor.personId) : [],
    };
  });
  if (sameClaims(known.claims, input.claims)) return;
  const claims = ORG_ADMIN_CLAIMS.filter((claim) => input.claims.includes(claim));
  const record = () =>
    ctx.uow.run(async (repos) => {
      const now = ctx.clock.now();
      const organisation =
        claims.length > 0
          ? await ensureOrganisation(repos, input.organisation, now)
          : await repos.organisations.findByTenantId(tenantId);
      if (!organisation) return;
      const before = await repos.roles.findOrgAdminClaims(organisation.id, actor.personId);
      if (sameClaims(before, claims)) return;
      await repos.roles.setOrgAdminClaims(organisation.id, actor.personId, claims, now);
      await repos.audit.append(
        auditEntry(now, actor.personId, 'organisation.admin-claims-changed', null, {
          organisationId: organisation.id,
          personId: actor.personId,
          before,
          claims,
        }),
      );
    });
  // The tab opens with several requests at once: the first of a new tenant's admin's requests may
  // race another to create the organisation. The loser finds it on a second try.
  await record().catch(() => record());
}
