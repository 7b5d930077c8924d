import type { JWTPayload } from 'jose';
import type { OrgAdminClaim } from '../../domain/organisations/org-admin';

/** Entra's role template ids (the same in every tenant), as they appear in the `wids` claim. */
export const GLOBAL_ADMINISTRATOR_ROLE = '62e90394-69f5-4237-9190-012177145e10';
export const TEAMS_ADMINISTRATOR_ROLE = '69091246-20e8-4a56-aa4d-066075b2a7a8';
/** The app role declared on Convene's app registration (docs/org-admins.md), in the `roles` claim. */
export const ORG_ADMIN_APP_ROLE = 'Convene.OrgAdmin';

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/**
 * What a verified Entra token says about its holder running their organisation: directory roles
 * (`wids`), the app role (`roles`) and membership of the configured group (`groups`). A token whose
 * groups overflowed (more than 200: `_claim_names.groups` instead of `groups`) proves no group
 * membership; docs/org-admins.md explains how to avoid that (assign the group to the app role).
 */
export function orgAdminClaimsOf(payload: JWTPayload, orgAdminGroupId?: string): OrgAdminClaim[] {
  const claims: OrgAdminClaim[] = [];
  const roles = strings(payload.wids);
  if (roles.includes(GLOBAL_ADMINISTRATOR_ROLE)) claims.push('global-administrator');
  if (roles.includes(TEAMS_ADMINISTRATOR_ROLE)) claims.push('teams-administrator');
  if (strings(payload.roles).includes(ORG_ADMIN_APP_ROLE)) claims.push('app-role');
  if (orgAdminGroupId && strings(payload.groups).includes(orgAdminGroupId)) claims.push('entra-group');
  return claims;
}
