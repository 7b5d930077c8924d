import type { Actor } from '../access/actor';
import { assertMay } from '../access/permissions';
import { relationsTo } from '../access/relations';
import { auditEntry } from '../audit/audit-entry';
import { ensureOrganisation, type OrganisationDraft } from '../organisations/ensure-organisation';
import type { Organisation } from '../organisations/organisation';
import { OrganisationAccountRequired } from '../organisations/organisation.errors';
import { requestProvisioning } from '../provisioning/provision-group.job';
import type { DomainContext } from '../shared/unit-of-work.port';
import { type Group, groupScopeKey } from './group';
import { GroupAlreadyMapped, GroupNameTaken } from './group.errors';
import { loadGroup } from './load-group';

/**
 * Hands a personal group to the actor's organisation so that its data belongs to the tenant.
 * The actor's tenant must be proven by a sign-in; a mapped group is never un-mapped. Mapping also
 * records the job that provisions the group in the tenant (see provision-group.job.ts).
 */
export async function mapGroupToOrganisation(
  ctx: DomainContext,
  input: { groupId: string; organisation: OrganisationDraft },
  actor: Actor,
): Promise<{ group: Group; organisation: Organisation }> {
  if (!actor.tenantId || actor.tenantId !== input.organisation.tenantId)
    throw new OrganisationAccountRequired();
  return ctx.uow.run(async (repos) => {
    const group = await loadGroup(repos, input.groupId);
    const relations = await relationsTo(repos, actor, group);
    // Strangers are refused before anything about the group (even that it is mapped) is said.
    if (relations.size === 0) assertMay(relations, 'map-to-organisation', group.name);
    if (group.organisationId) throw new GroupAlreadyMapped(group.name);
    assertMay(relations, 'map-to-organisation', group.name);
    const now = ctx.clock.now();
    const organisation = await ensureOrganisation(repos, input.organisation, now);
    const mapped: Group = { ...group, organisationId: organisation.id };
    if (await repos.groups.findByName(groupScopeKey(mapped), group.name))
      throw new GroupNameTaken(group.name);
    await repos.groups.setOrganisation(group.id, organisation.id);
    // The group's Microsoft 365 group and team are created by a durable job, committed with the mapping.
    if (!(await requestProvisioning(repos, group.id, now)))
      throw new Error(`Group ${group.id} has a provisioning record but was not in an organisation`);
    await repos.audit.append(
      auditEntry(now, actor.personId, 'group.mapped', group.id, { organisationId: organisation.id }),
    );
    return { group: mapped, organisation };
  });
}
