import { isExternal } from '../memberships/list-members';
import type { AccountState } from './users';

/**
 * Where a person's account stands for an organisation: none linked yet (known by phone only), one of the
 * organisation's tenant, or one of another tenant (an outsider, as member lists mark them).
 */
export function accountStateOf(
  person: { aadObjectId: string | null; tenantId: string | null },
  organisationTenantId: string,
): AccountState {
  if (person.aadObjectId === null) return 'no-account';
  return isExternal(person.tenantId, organisationTenantId) ? 'external' : 'matched';
}
