import type { Actor } from '../access/actor';
import { assertMay } from '../access/permissions';
import { relationsTo } from '../access/relations';
import { loadGroup } from '../groups/load-group';
import { requestedLanguage, slug } from '../rollout/posters';
import { printTranslator } from '../rollout/print-translator';
import type { DownloadableFile, RolloutContext } from '../rollout/rollout.ports';
import { byName, MAX_SLIPS_PER_PDF, slipFor } from './slip';
import { joinUrlOf, printSlips } from './slip-sheet';
import { SlipsNobody, SlipsPartInvalid, SlipsTooMany } from './slips.errors';

/** How many PDFs of at most 500 slips a group of `count` people takes. */
export const partsFor = (count: number): number => Math.max(1, Math.ceil(count / MAX_SLIPS_PER_PDF));

/**
 * Onboarding slips for a group's people (everyone but those who declined), for group admins, champs and
 * org admins: name, sign-in name, how to sign in, and QR codes to get Teams and to the group's join page.
 * A group of more than 500 prints in parts of 500, alphabetically (`part`, from 1).
 */
export async function groupSlips(
  ctx: RolloutContext,
  input: { groupId: string; part?: number; lang?: string },
  actor: Actor,
): Promise<DownloadableFile & { parts: number }> {
  const lang = requestedLanguage(input.lang);
  const { group, members, organisation } = await ctx.uow.run(async (repos) => {
    const group = await loadGroup(repos, input.groupId);
    assertMay(await relationsTo(repos, actor, group), 'print-slips', group.name);
    const organisation = group.organisationId
      ? await repos.organisations.findById(group.organisationId)
      : undefined;
    const members = (await repos.memberships.listByGroup(group.id)).filter((m) => m.state !== 'declined');
    return { group, members, organisation };
  });
  if (members.length === 0) throw new SlipsNobody();
  const parts = partsFor(members.length);
  const part = input.part ?? 1;
  if (input.part === undefined && parts > 1) throw new SlipsTooMany(members.length, parts);
  if (!Number.isInteger(part) || part < 1 || part > parts) throw new SlipsPartInvalid(part, parts);

  const t = printTranslator(lang, organisation);
  const joinUrl = await joinUrlOf(ctx, group, actor);
  const everyone = members
    .map((m) => ({ slip: slipFor(m.person, group, joinUrl, t), personId: m.personId, groupId: group.id }))
    .sort((a, b) => byName(a.slip, b.slip));
  const chosen = everyone.slice((part - 1) * MAX_SLIPS_PER_PDF, part * MAX_SLIPS_PER_PDF);
  const file = await printSlips(
    ctx,
    {
      slips: chosen,
      t,
      kicker: organisation?.displayName ?? t.t('print.kicker.default'),
      title:
        parts > 1
          ? t.t('print.slips.title.groupPart', { group: group.name, part, parts })
          : t.t('print.slips.title.group', { group: group.name }),
      fileName: `convene-slips-${slug(group.name)}${parts > 1 ? `-part-${part}-of-${parts}` : ''}`,
      details: parts > 1 ? { part, parts } : {},
    },
    actor,
  );
  return { ...file, parts };
}
