import { isLocale } from '../../i18n/locales';
import type { Actor } from '../access/actor';
import { assertMay } from '../access/permissions';
import { relationsTo } from '../access/relations';
import { auditEntry } from '../audit/audit-entry';
import { NotAChamp } from '../champs/champ.errors';
import { loadGroup } from '../groups/load-group';
import { guides } from './guides';
import { printTranslator } from './print-translator';
import { ChampKitNoAccount, ChampKitNoChat } from './rollout.errors';
import type { RolloutContext } from './rollout.ports';

/**
 * An org admin sends the champs' guidelines and the employee training to one champ of a group, as a card
 * in the champ's chat with Convene (the way invite cards reach people). Only whoever may assign the
 * group's champs may send it, only to one of its champs, and every sending is audited.
 */
export async function sendChampKit(
  ctx: RolloutContext,
  input: { groupId: string; personId: string },
  actor: Actor,
): Promise<{ sentTo: string }> {
  const { group, champ, organisation, sender } = await ctx.uow.read(async (repos) => {
    const group = await loadGroup(repos, input.groupId);
    assertMay(await relationsTo(repos, actor, group), 'assign-champs', group.name);
    const champ = (await repos.roles.isChamp(group.id, input.personId))
      ? await repos.people.findById(input.personId)
      : undefined;
    if (!champ) throw new NotAChamp(group.name);
    const organisation = group.organisationId
      ? await repos.organisations.findById(group.organisationId)
      : undefined;
    return { group, champ, organisation, sender: await repos.people.findById(actor.personId) };
  });
  const champName = champ.displayName ?? champ.phone ?? 'This champ';
  if (!champ.tenantId || !champ.aadObjectId) throw new ChampKitNoAccount(champName);
  // The champ reads the guides in their own Teams language when known, else the organisation's.
  const t = printTranslator(champ.locale && isLocale(champ.locale) ? champ.locale : undefined, organisation);
  const outcome = await ctx.champChats.sendKit(
    { tenantId: champ.tenantId, aadObjectId: champ.aadObjectId },
    {
      groupName: group.name,
      champName: champ.displayName,
      senderName: sender?.displayName ?? null,
      guides: [guides['champ-guidelines'](t), guides['employee-guide'](t)],
      locale: champ.locale,
    },
  );
  if (outcome === 'no-chat') throw new ChampKitNoChat(champName);
  await ctx.uow.run((repos) =>
    repos.audit.append(
      auditEntry(ctx.clock.now(), actor.personId, 'champ.kit-sent', group.id, {
        personId: champ.id,
        guides: ['champ-guidelines', 'employee-guide'],
      }),
    ),
  );
  return { sentTo: champName };
}
