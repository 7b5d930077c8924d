import type { Actor } from '../access/actor';
import { assertMay } from '../access/permissions';
import { relationsTo } from '../access/relations';
import { auditEntry } from '../audit/audit-entry';
import { loadGroup } from '../groups/load-group';
import { NotAMember } from '../memberships/membership.errors';
import { findOrCreatePersonByPhone } from '../people/find-or-create-person';
import type { Person } from '../people/person';
import { parseRegion, toE164 } from '../people/phone-number';
import type { DomainContext } from '../shared/unit-of-work.port';
import { ChampNeedsOrganisation } from './champ.errors';

/** A champ is named by person id (picked from the members list) or by phone number. */
export type ChampRef = { personId: string } | { phone: string; region: string };

/** Makes someone a champ of an organisation group; assigning an existing champ changes nothing. */
export function assignChamp(
  ctx: DomainContext,
  input: { groupId: string; champ: ChampRef },
  actor: Actor,
): Promise<{ person: Person; changed: boolean }> {
  return ctx.uow.run(async (repos) => {
    const group = await loadGroup(repos, input.groupId);
    assertMay(await relationsTo(repos, actor, group), 'assign-champs', group.name);
    if (!group.organisationId) throw new ChampNeedsOrganisation(group.name);
    const now = ctx.clock.now();
    const ref = input.champ;
    const person =
      'personId' in ref
        ? await repos.people.findById(ref.personId)
        : await findOrCreatePersonByPhone(repos, toE164(ref.phone, parseRegion(ref.region)), now);
    if (!person) throw new NotAMember('That person', group.name);
    if (await repos.roles.isChamp(group.id, person.id)) return { person, changed: false };
    await repos.roles.addChamp(group.id, person.id);
    await repos.audit.append(
      auditEntry(now, actor.personId, 'champ.assigned', group.id, { personId: person.id }),
    );
    return { person, changed: true };
  });
}

/** Ends someone's champ role for a group. */
export function unassignChamp(
  ctx: DomainContext,
  input: { groupId: string; personId: string },
  actor: Actor,
): Promise<{ changed: boolean }> {
  return ctx.uow.run(async (repos) => {
    const group = await loadGroup(repos, input.groupId);
    assertMay(await relationsTo(repos, actor, group), 'assign-champs', group.name);
    if (!(await repos.roles.isChamp(group.id, input.personId))) return { changed: false };
    await repos.roles.removeChamp(group.id, input.personId);
    await repos.audit.append(
      auditEntry(ctx.clock.now(), actor.personId, 'champ.unassigned', group.id, { personId: input.personId }),
    );
    return { changed: true };
  });
}

/** The champs of a group, for anyone who may see it. */
export function listChamps(ctx: DomainContext, groupId: string, actor: Actor): Promise<Person[]> {
  return ctx.uow.run(async (repos) => {
    const group = await loadGroup(repos, groupId);
    assertMay(await relationsTo(repos, actor, group), 'view', group.name);
    const ids = await repos.roles.listChamps(group.id);
    const people = await Promise.all(ids.map((id) => repos.people.findById(id)));
    return people.filter((person): person is Person => person !== undefined);
  });
}
