import { parseRegion } from '../people/phone-number';
import { newId } from '../shared/ids';
import type { Repositories } from '../shared/unit-of-work.port';
import type { Organisation } from './organisation';

export interface OrganisationDraft {
  tenantId: string;
  displayName: string;
  defaultRegion: string;
}

/** The name a new organisation gets: the domain of the first sign-in name seen, else the tenant's id. */
export function organisationNameFor(tenantId: string, userPrincipalName: string | null): string {
  return userPrincipalName?.split('@')[1] ?? `Microsoft 365 organisation ${tenantId.slice(0, 8)}`;
}

/** Finds the organisation of a tenant, creating it on first contact. */
export async function ensureOrganisation(
  repos: Repositories,
  draft: OrganisationDraft,
  now: Date,
): Promise<Organisation> {
  const existing = await repos.organisations.findByTenantId(draft.tenantId);
  if (existing) return existing;
  const organisation: Organisation = {
    id: newId(),
    tenantId: draft.tenantId,
    displayName: draft.displayName,
    defaultRegion: parseRegion(draft.defaultRegion),
    createdAt: now.toISOString(),
  };
  await repos.organisations.insert(organisation);
  return organisation;
}
