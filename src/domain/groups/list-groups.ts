import type { Actor } from '../access/actor';
import type { DomainContext } from '../shared/unit-of-work.port';
import type { GroupSummary } from './group.repository';

/** The actor's groups with their role and member counts, for "groups" in the bot and the tab. */
export function listMyGroups(ctx: DomainContext, actor: Actor): Promise<GroupSummary[]> {
  return ctx.uow.run((repos) => repos.groups.listForPerson(actor.personId));
}
