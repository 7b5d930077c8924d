import { parseRegion } from '../people/phone-number';
import { newId } from '../shared/ids';
import type { Repositories } from '../shared/unit-of-work.port';
import type { Organisation } from './organisation';

export interface OrganisationDraft {
  tenantId: string;
  displayName: string;
  defaultRegion: string;
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
