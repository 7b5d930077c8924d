import type { DirectoryUser } from '../../domain/directory/directory.port';
import { linkPersonToEntraUser } from '../../domain/people/link-entra-user';
import type { DomainContext, Repositories } from '../../domain/shared/unit-of-work.port';
import { isUniqueViolation } from '../storage/sql-errors';
import type { EntraLink } from './resolve-recipients';

/**
 * Links a batch of people known by phone to the Entra users found with their numbers (one
 * transaction; see linkPersonToEntraUser for the rule).
 */
export function entraLinker(ctx: DomainContext): EntraLink {
  const link = (repos: Repositories, personId: string, user: DirectoryUser) =>
    linkPersonToEntraUser(repos, ctx.clock, personId, user);
  return async (links) => {
    if (links.length === 0) return;
    try {
      await ctx.uow.run(async (repos) => {
        for (const { personId, user } of links) await link(repos, personId, user);
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Someone signed in meanwhile and took one of these identities: link the rest one at a time.
      for (const { personId, user } of links) {
        await ctx.uow
          .run((repos) => link(repos, personId, user))
          .catch((failure: unknown) => {
            if (!isUniqueViolation(failure)) throw failure;
          });
      }
    }
  };
}
