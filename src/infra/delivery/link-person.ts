import type { DirectoryUser } from '../../domain/directory/directory.port';
import { linkPersonToAccount } from '../../domain/people/link-person-to-account';
import type { DomainContext, Repositories } from '../../domain/shared/unit-of-work.port';
import { isUniqueViolation } from '../storage/sql-errors';
import type { EntraLink } from './resolve-recipients';

/**
 * Links people known by phone (or e-mail, or employee id) to the Entra users found for them, so their
 * later answers and sign-ins are recognised, and they can join the teams of their groups that are in
 * the organisation's tenant; their account's sign-in name and the lookup's outcome are kept for org
 * admins. When someone else already holds an identity (they signed in before being added by phone)
 * the two stay apart; the invite still reaches the right chat.
 */
export function entraLinker(ctx: DomainContext): EntraLink {
  const link = (repos: Repositories, personId: string, user: DirectoryUser, at: Date) =>
    linkPersonToAccount(repos, personId, user, at);
  return async ({ links, notFound = [], failed = [] }) => {
    if (links.length + notFound.length + failed.length === 0) return;
    const at = ctx.clock.now();
    const recordMisses = async (repos: Repositories) => {
      await repos.people.recordDirectoryChecks(notFound, 'not-found', at.toISOString());
      await repos.people.recordDirectoryChecks(failed, 'failed', at.toISOString());
    };
    try {
      await ctx.uow.run(async (repos) => {
        for (const { personId, user } of links) await link(repos, personId, user, at);
        await recordMisses(repos);
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Someone signed in meanwhile and took one of these identities: link the rest one at a time.
      await ctx.uow.run(recordMisses);
      for (const { personId, user } of links) {
        await ctx.uow
          .run((repos) => link(repos, personId, user, at))
          .catch((failure: unknown) => {
            if (!isUniqueViolation(failure)) throw failure;
          });
      }
    }
  };
}
