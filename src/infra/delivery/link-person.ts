import type { DirectoryUser } from '../../domain/directory/directory.port';
import { requestMemberSyncForPerson } from '../../domain/provisioning/provision-group.job';
import type { DomainContext } from '../../domain/shared/unit-of-work.port';
import { isUniqueViolation } from '../storage/sql-errors';
import type { EntraLink } from './resolve-recipients';

/**
 * Links a person known by phone to the Entra user found with that number, so their later answers
 * and sign-ins are recognised. When someone else already holds that identity (they signed in before
 * being added by phone) the two stay apart; the invite still reaches the right chat. Once linked,
 * the person can join the teams of their groups that are in the organisation's tenant.
 */
export function entraLinker(ctx: DomainContext): EntraLink {
  return async (personId: string, user: DirectoryUser) => {
    try {
      await ctx.uow.run(async (repos) => {
        const person = await repos.people.findById(personId);
        if (!person || person.aadObjectId) return;
        await repos.people.update(personId, {
          tenantId: user.tenantId,
          aadObjectId: user.aadObjectId,
          displayName: person.displayName ?? user.displayName,
        });
        await requestMemberSyncForPerson(repos, personId, ctx.clock.now());
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  };
}
