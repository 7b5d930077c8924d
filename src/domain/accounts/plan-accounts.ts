import { regionOfPhone } from '../people/phone-number';
import type { AccountCandidate } from './account-creation.repository';
import type { AccountCreationSettings } from './account-creation-settings';
import type { AccountCreator } from './account-creator.port';
import { upnLocalPart, userPrincipalName } from './user-principal-name';

/** The most people one dry run or one job takes (a selection, or "all without an account"). */
export const MAX_PEOPLE_PER_RUN = 5000;
/** Tries with a numeric suffix before a sign-in name is given up as unavailable. */
export const MAX_UPN_SUFFIX = 50;

/** What would happen to one person. */
export interface AccountPlan {
  personId: string;
  phone: string;
  displayName: string | null;
  /** `create`, or why the person is left out: no name at all, or none usable in a sign-in name. */
  status: 'create' | 'needs-name' | 'needs-latin-name';
  upnBase: string | null;
  suffix: number;
  userPrincipalName: string | null;
  usageLocation: string;
}

/**
 * Names each candidate: display name as given (never the phone number), sign-in name from the
 * pattern, usage location from the phone's region. People of the same list who would share a
 * sign-in name get suffixes (asha.rao, asha.rao2…) in list order.
 */
export function planAccounts(
  candidates: readonly AccountCandidate[],
  settings: AccountCreationSettings,
): AccountPlan[] {
  const taken = new Set<string>();
  return candidates.map((candidate) => {
    const usageLocation = regionOfPhone(candidate.phone) ?? settings.usageLocationFallback;
    const base = {
      personId: candidate.personId,
      phone: candidate.phone,
      displayName: candidate.displayName,
      usageLocation,
    };
    if (!candidate.displayName)
      return { ...base, status: 'needs-name', upnBase: null, suffix: 1, userPrincipalName: null };
    const upnBase = upnLocalPart(settings.upnPattern, candidate.displayName);
    if (!upnBase)
      return { ...base, status: 'needs-latin-name', upnBase: null, suffix: 1, userPrincipalName: null };
    let suffix = 1;
    while (taken.has(userPrincipalName(upnBase, suffix, settings.domain).toLowerCase())) suffix++;
    const upn = userPrincipalName(upnBase, suffix, settings.domain);
    taken.add(upn.toLowerCase());
    return { ...base, status: 'create', upnBase, suffix, userPrincipalName: upn };
  });
}

/**
 * Moves each planned sign-in name past the ones the directory already holds (and past the list's
 * own), asking the directory in rounds until every name is free. Used by the dry run; the job asks
 * again just before creating, since the directory may have changed since.
 */
export async function avoidDirectoryCollisions(
  creator: AccountCreator,
  tenantId: string,
  domain: string,
  plans: AccountPlan[],
): Promise<AccountPlan[]> {
  const planned = new Set(
    plans.flatMap((p) => (p.userPrincipalName ? [p.userPrincipalName.toLowerCase()] : [])),
  );
  let open = plans.filter((p) => p.status === 'create');
  for (let round = 0; open.length > 0 && round < MAX_UPN_SUFFIX; round++) {
    const existing = await creator.findAccounts(
      tenantId,
      open.map((p) => p.userPrincipalName!),
    );
    const moved: AccountPlan[] = [];
    for (const plan of open) {
      if (!existing.has(plan.userPrincipalName!.toLowerCase())) continue;
      planned.delete(plan.userPrincipalName!.toLowerCase());
      do plan.suffix++;
      while (planned.has(userPrincipalName(plan.upnBase!, plan.suffix, domain).toLowerCase()));
      plan.userPrincipalName = userPrincipalName(plan.upnBase!, plan.suffix, domain);
      planned.add(plan.userPrincipalName.toLowerCase());
      moved.push(plan);
    }
    open = moved;
  }
  return plans;
}
