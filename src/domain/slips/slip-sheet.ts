import type { Translator } from '../../i18n/translator';
import type { Actor } from '../access/actor';
import { auditEntry } from '../audit/audit-entry';
import type { Group } from '../groups/group';
import { inviteUrl } from '../invites/invite-link';
import { standingInviteLink } from '../invites/standing-invite-link';
import type { DownloadableFile, RolloutContext } from '../rollout/rollout.ports';
import { byName, GET_TEAMS_URL, type SlipSpec, slipWords } from './slip';

/** The address of a group's join page: its standing link, the one its posters show. */
export async function joinUrlOf(ctx: RolloutContext, group: Group, actor: Actor): Promise<string> {
  const issued = await standingInviteLink(ctx, { groupId: group.id }, actor);
  return inviteUrl(ctx.publicBaseUrl(), issued.token);
}

/**
 * Renders slips, sorted by name, as one PDF and records who printed how many for which group. The
 * audit holds counts and ids, never the names or sign-in names printed.
 */
export async function printSlips(
  ctx: RolloutContext,
  input: {
    /** The sheet's language. */
    t: Translator;
    slips: Array<{ slip: SlipSpec; personId: string; groupId: string }>;
    kicker: string;
    title: string;
    fileName: string;
    details: Record<string, unknown>;
  },
  actor: Actor,
): Promise<DownloadableFile> {
  const slips = input.slips.map((s) => s.slip).sort(byName);
  const bytes = await ctx.render.slipsPdf({
    title: input.title,
    kicker: input.kicker,
    slips,
    getTeamsUrl: GET_TEAMS_URL,
    dir: input.t.dir,
    words: slipWords(input.t),
  });
  const perGroup = new Map<string, string[]>();
  for (const { groupId, personId } of input.slips)
    perGroup.set(groupId, [...(perGroup.get(groupId) ?? []), personId]);
  await ctx.uow.run(async (repos) => {
    for (const [groupId, personIds] of perGroup) {
      await repos.audit.append(
        auditEntry(ctx.clock.now(), actor.personId, 'slips.printed', groupId, {
          ...input.details,
          count: personIds.length,
          personIds,
        }),
      );
    }
  });
  return { fileName: `${input.fileName}.pdf`, mediaType: 'application/pdf', bytes };
}
