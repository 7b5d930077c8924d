import type { DirectoryUser } from '../../domain/directory/directory.port';
import { linkPersonToAccount } from '../../domain/people/link-person-to-account';
import type { DomainContext, Repositories } from '../../domain/shared/unit-of-work.port';
import { isUniqueViolation } from '../storage/sql-errors';
import type { EntraLink } from './resolve-recipients';

/**
 * Links people known by phone to the Entra users found with their numbers, so their later answers
 * and sign-ins are recognised, and they can join the teams of their groups that are in the
 * organisation's tenant. When someone else already holds an identity (they signed in before being
 * added by phone) the two stay apart; the invite still reaches the right chat.
 */
export function entraLinker(ctx: DomainContext): EntraLink {
  const link = (repos: Repositories, personId: string, user: DirectoryUser) =>
    linkPersonToAccount(repos, personId, user, ctx.clock.now());
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
