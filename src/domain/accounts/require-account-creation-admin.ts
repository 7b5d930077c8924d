import type { Actor } from '../access/actor';
import { OrgAdminsOnly } from '../organisations/org-admin.errors';
import type { Organisation } from '../organisations/organisation';
import { requireOrgAdminOf } from '../organisations/require-org-admin';
import type { Repositories } from '../shared/unit-of-work.port';
import { AccountCreationOrgAdminsOnly } from './account-creation.errors';

/** Account creation is the organisation's decision: only its org admins see or start any of it. */
export async function requireAccountCreationAdmin(repos: Repositories, actor: Actor): Promise<Organisation> {
  try {
    return await requireOrgAdminOf(repos, actor);
  } catch (error) {
    // The same rule, in words about accounts rather than about the org admins list.
    if (error instanceof OrgAdminsOnly) throw new AccountCreationOrgAdminsOnly();
    throw error;
  }
}
