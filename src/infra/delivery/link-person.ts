import type { DirectoryUser } from '../../domain/directory/directory.port';
import { requestMemberSyncForPerson } from '../../domain/provisioning/provision-group.job';
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
  const link = async (repos: Repositories, personId: string, user: DirectoryUser, at: string) => {
    const person = await repos.people.findById(personId);
    if (!person || person.aadObjectId) return;
    if (await repos.people.findByAadObjectId(user.tenantId, user.aadObjectId)) {
      // Their account is known to Convene as someone else (who signed in first): found, not linked.
      await repos.people.update(personId, { directoryCheckedAt: at, directoryOutcome: 'matched' });
      return;
    }
    await repos.people.update(personId, {
      tenantId: user.tenantId,
      aadObjectId: user.aadObjectId,
      displayName: person.displayName ?? user.displayName,
      userPrincipalName: user.userPrincipalName,
      directoryCheckedAt: at,
      directoryOutcome: 'matched',
    });
    await requestMemberSyncForPerson(repos, personId, ctx.clock.now());
  };
  return async ({ links, notFound = [], failed = [] }) => {
    if (links.length + notFound.length + failed.length === 0) return;
    const at = ctx.clock.now().toISOString();
    const recordMisses = async (repos: Repositories) => {
      await repos.people.recordDirectoryChecks(notFound, 'not-found', at);
      await repos.people.recordDirectoryChecks(failed, 'failed', at);
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
