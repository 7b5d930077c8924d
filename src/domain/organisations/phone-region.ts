import type { Actor } from '../access/actor';
import type { DomainContext } from '../shared/unit-of-work.port';

/**
 * The region phone numbers typed without a country code are read in, for this actor: the region they
 * chose (a form's region picker, the bot's `region` command), else their organisation's default, else
 * the deployment's (`DEFAULT_REGION`). The one place this order is decided, for the API and the bot.
 */
export async function phoneRegionFor(
  ctx: DomainContext,
  actor: Actor,
  choice: { chosen?: string | null; deploymentDefault: string },
): Promise<string> {
  if (choice.chosen) return choice.chosen;
  const { tenantId } = actor;
  const organisation = tenantId
    ? await ctx.uow.read((repos) => repos.organisations.findByTenantId(tenantId))
    : undefined;
  return organisation?.defaultRegion ?? choice.deploymentDefault;
}
