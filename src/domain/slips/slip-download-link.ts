import type { Actor } from '../access/actor';
import { assertMay } from '../access/permissions';
import { relationsTo } from '../access/relations';
import { loadGroup } from '../groups/load-group';
import type { DownloadableFile, RolloutContext } from '../rollout/rollout.ports';
import type { DomainContext } from '../shared/unit-of-work.port';
import { groupSlips, partsFor } from './group-slips';
import { SlipLinkExpired } from './slips.errors';
import type { SlipTickets } from './slips.ports';

/** Long enough to tap the button and print, short enough that a forwarded chat is soon worthless. */
export const SLIP_LINK_MINUTES = 15;

/** The bot's slips card: one download link per part of at most 500 slips. */
export interface SlipDownloadLinks {
  group: { id: string; name: string };
  people: number;
  tickets: string[];
  expiresAt: string;
}

/**
 * Signed links to a group's slips for someone who may print them (the bot's `slips <group>`). Nothing is
 * stored: the ticket names the group, the person and the part, and the download checks the person again.
 */
export function slipDownloadLinks(
  ctx: DomainContext & { slipTickets: SlipTickets },
  input: { groupId: string },
  actor: Actor,
): Promise<SlipDownloadLinks> {
  return ctx.uow.run(async (repos) => {
    const group = await loadGroup(repos, input.groupId);
    assertMay(await relationsTo(repos, actor, group), 'print-slips', group.name);
    const people = (await repos.memberships.listByGroup(group.id)).filter(
      (m) => m.state !== 'declined',
    ).length;
    const expiresAt = new Date(ctx.clock.now().getTime() + SLIP_LINK_MINUTES * 60_000).toISOString();
    const tickets = Array.from({ length: partsFor(people) }, (_, i) =>
      ctx.slipTickets.issue({ groupId: group.id, personId: actor.personId, part: i + 1, expiresAt }),
    );
    return { group: { id: group.id, name: group.name }, people, tickets, expiresAt };
  });
}

/** The slips a signed link stands for, if it is still fresh and its person may still print them. */
export async function slipsByTicket(
  ctx: RolloutContext,
  input: { ticket: string },
): Promise<DownloadableFile> {
  const grant = ctx.slipTickets.open(input.ticket);
  if (!grant || Date.parse(grant.expiresAt) <= ctx.clock.now().getTime()) throw new SlipLinkExpired();
  const person = await ctx.uow.read((repos) => repos.people.findById(grant.personId));
  if (!person) throw new SlipLinkExpired();
  const actor: Actor = { personId: person.id, tenantId: person.tenantId, displayName: person.displayName };
  return groupSlips(ctx, { groupId: grant.groupId, part: grant.part }, actor);
}
