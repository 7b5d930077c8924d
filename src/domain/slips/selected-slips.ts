import type { Actor } from '../access/actor';
import { relationsTo } from '../access/relations';
import type { Group } from '../groups/group';
import type { MemberView } from '../memberships/membership.repository';
import { requestedLanguage } from '../rollout/posters';
import { printTranslator } from '../rollout/print-translator';
import type { DownloadableFile, RolloutContext } from '../rollout/rollout.ports';
import type { Repositories } from '../shared/unit-of-work.port';
import { MAX_SLIPS_PER_PDF, slipFor } from './slip';
import { joinUrlOf, printSlips } from './slip-sheet';
import { SlipPeopleNotFound, SlipsNobody, SlipsNotAllowed, SlipsTooMany } from './slips.errors';

/**
 * Slips for chosen people of the actor's organisation (the People without an account page): each
 * person's slip leads to the group they were added to most recently among the organisation's groups
 * whose slips the actor may print (all of them for org admins; their own for group admins and champs).
 * At most 500 people; anyone not in such a group is refused by count, without saying why.
 */
export async function selectedSlips(
  ctx: RolloutContext,
  input: { personIds: string[]; lang?: string },
  actor: Actor,
): Promise<DownloadableFile> {
  const lang = requestedLanguage(input.lang);
  const personIds = [...new Set(input.personIds)];
  if (personIds.length === 0) throw new SlipsNobody();
  if (personIds.length > MAX_SLIPS_PER_PDF) throw new SlipsTooMany(personIds.length, null);

  const { organisation, chosen } = await ctx.uow.run(async (repos) => {
    const organisation = actor.tenantId
      ? await repos.organisations.findByTenantId(actor.tenantId)
      : undefined;
    if (!organisation) throw new SlipsNotAllowed();
    const orgAdmin = await repos.roles.isOrgAdmin(organisation.id, actor.personId);
    if (!orgAdmin && !(await runsAGroupIn(repos, organisation.id, actor))) throw new SlipsNotAllowed();
    const groups = new Map<string, Group | null>();
    const printable = async (groupId: string): Promise<Group | null> => {
      if (!groups.has(groupId)) {
        const group = (await repos.groups.findById(groupId)) ?? null;
        const ours = group !== null && group.organisationId === organisation.id;
        const relations = ours && !orgAdmin ? await relationsTo(repos, actor, group) : null;
        const allowed = ours && (orgAdmin || relations!.has('champ') || relations!.has('group-admin'));
        groups.set(groupId, allowed ? group : null);
      }
      return groups.get(groupId)!;
    };
    // Memberships come most recent first: the first printable one is the person's group.
    const chosen = new Map<string, { member: MemberView; group: Group }>();
    for (const member of await repos.memberships.listByPeople(personIds)) {
      if (member.state === 'declined' || chosen.has(member.personId)) continue;
      const group = await printable(member.groupId);
      if (group) chosen.set(member.personId, { member, group });
    }
    return { organisation, chosen };
  });
  const missing = personIds.filter((id) => !chosen.has(id));
  if (missing.length > 0) throw new SlipPeopleNotFound(missing);

  const joinUrls = new Map<string, string>();
  for (const { group } of chosen.values()) {
    if (!joinUrls.has(group.id)) joinUrls.set(group.id, await joinUrlOf(ctx, group, actor));
  }
  const t = printTranslator(lang, organisation);
  return printSlips(
    ctx,
    {
      t,
      slips: [...chosen.values()].map(({ member, group }) => ({
        slip: slipFor(member.person, group, joinUrls.get(group.id)!, t),
        personId: member.personId,
        groupId: group.id,
      })),
      kicker: organisation.displayName,
      title: t.t('print.slips.title.selected', { organisation: organisation.displayName }),
      fileName: `convene-slips-${chosen.size}-people`,
      details: { selection: true },
    },
    actor,
  );
}

/** Whether the actor is a group admin or a champ of any group of the organisation. */
async function runsAGroupIn(repos: Repositories, organisationId: string, actor: Actor): Promise<boolean> {
  const own = await repos.groups.listForPerson(actor.personId);
  if (own.some((g) => g.organisationId === organisationId && g.role === 'admin')) return true;
  for (const groupId of await repos.roles.listGroupsOfChamp(actor.personId)) {
    if ((await repos.groups.findById(groupId))?.organisationId === organisationId) return true;
  }
  return false;
}
