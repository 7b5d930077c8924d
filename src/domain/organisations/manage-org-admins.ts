import type { Actor } from '../access/actor';
import { auditEntry } from '../audit/audit-entry';
import type { Directory } from '../directory/directory.port';
import { identifyTeamsUser } from '../people/identify-teams-user';
import { type Person, personLabel } from '../people/person';
import type { DomainContext, Repositories } from '../shared/unit-of-work.port';
import {
  type OrgAdminClaim,
  type OrgAdminGrantSource,
  type OrgAdminRecord,
  orgAdminReason,
} from './org-admin';
import { LastOrgAdmin, OrgAdminCandidateNotFound, OrgAdminManagedInEntra } from './org-admin.errors';
import { requireOrgAdminOf } from './require-org-admin';

/** One reason someone is an org admin: Entra's (changed only in Entra) or Convene's stored grant. */
export interface OrgAdminReasonView {
  managedIn: 'entra' | 'convene';
  source: OrgAdminClaim | OrgAdminGrantSource;
  words: string;
  /** For a grant made in the portal: the name of who made it, when known (else null). */
  grantedBy: string | null;
  /** When a stored grant was made (null for Entra's reasons and unrecorded grants). */
  since: string | null;
}

export interface OrgAdminView {
  personId: string;
  name: string;
  reasons: OrgAdminReasonView[];
  /** Whether the panel may remove them: a grant of Convene's, nothing from Entra, and not the last. */
  removable: boolean;
  you: boolean;
}

export interface OrgAdminsPanel {
  organisation: { id: string; displayName: string };
  admins: OrgAdminView[];
  /** People of the organisation with a Microsoft 365 account who could be named (not admins yet). */
  candidates: Array<{ personId: string; name: string }>;
}

/** How an org admin names another: a person Convene knows, or a Microsoft 365 account (e-mail / UPN). */
export type OrgAdminRef = { personId: string } | { account: string };

const CANDIDATES_SHOWN = 200;

/** Who the org admins of the actor's organisation are, and why. */
export function listOrgAdmins(ctx: DomainContext, actor: Actor): Promise<OrgAdminsPanel> {
  return ctx.uow.run(async (repos) => {
    const organisation = await requireOrgAdminOf(repos, actor);
    const records = await repos.roles.listOrgAdmins(organisation.id);
    const admins = await Promise.all(records.map((record) => viewOf(repos, record, records.length, actor)));
    admins.sort((a, b) => a.name.localeCompare(b.name));
    const adminIds = new Set(records.map((r) => r.personId));
    const people = await repos.people.listAccountsOfTenant(organisation.tenantId, CANDIDATES_SHOWN);
    return {
      organisation: { id: organisation.id, displayName: organisation.displayName },
      admins,
      candidates: people
        .filter((person) => !adminIds.has(person.id))
        .map((person) => ({ personId: person.id, name: personLabel(person) })),
    };
  });
}

/**
 * Names another org admin of the actor's organisation (a stored grant, audited). An account is
 * looked up in the directory first, outside the transaction; only org admins get that far.
 */
export async function addOrgAdmin(
  ctx: DomainContext,
  directory: Directory,
  input: OrgAdminRef,
  actor: Actor,
): Promise<{ admin: { personId: string; name: string }; changed: boolean }> {
  const organisation = await ctx.uow.read((repos) => requireOrgAdminOf(repos, actor));
  let personId: string;
  if ('account' in input) {
    const user = await directory.findUserByAccount(organisation.tenantId, input.account);
    if (!user) throw new OrgAdminCandidateNotFound(input.account);
    personId = (await identifyTeamsUser(ctx, user)).personId;
  } else {
    personId = input.personId;
  }
  return ctx.uow.run(async (repos) => {
    await requireOrgAdminOf(repos, actor);
    const person = await repos.people.findById(personId);
    if (!person || person.tenantId !== organisation.tenantId || !person.aadObjectId)
      throw new OrgAdminCandidateNotFound(null);
    const admin = { personId: person.id, name: personLabel(person) };
    if (await repos.roles.findOrgAdminGrant(organisation.id, person.id)) return { admin, changed: false };
    const now = ctx.clock.now();
    await repos.roles.addOrgAdmin(organisation.id, person.id, {
      source: 'portal',
      grantedBy: actor.personId,
      grantedAt: now.toISOString(),
    });
    await repos.audit.append(
      auditEntry(now, actor.personId, 'organisation.admin-added', null, {
        organisationId: organisation.id,
        personId: person.id,
        source: 'portal',
      }),
    );
    return { admin, changed: true };
  });
}

/**
 * Ends a grant made in Convene. Never the organisation's last org admin, and never someone Entra
 * makes an org admin (that is changed in Entra, where it was given).
 */
export function removeOrgAdmin(
  ctx: DomainContext,
  personId: string,
  actor: Actor,
): Promise<{ changed: boolean }> {
  return ctx.uow.run(async (repos) => {
    const organisation = await requireOrgAdminOf(repos, actor);
    const grant = await repos.roles.findOrgAdminGrant(organisation.id, personId);
    const claims = await repos.roles.findOrgAdminClaims(organisation.id, personId);
    const name = await nameOf(repos, personId);
    if (claims.length > 0)
      throw new OrgAdminManagedInEntra(
        name,
        claims.map((c) => orgAdminReason(c)),
      );
    if (!grant) return { changed: false };
    if (!(await repos.roles.removeOrgAdminUnlessLast(organisation.id, personId)))
      throw new LastOrgAdmin(name);
    await repos.audit.append(
      auditEntry(ctx.clock.now(), actor.personId, 'organisation.admin-removed', null, {
        organisationId: organisation.id,
        personId,
        source: grant.source,
      }),
    );
    return { changed: true };
  });
}

async function viewOf(
  repos: Repositories,
  record: OrgAdminRecord,
  adminCount: number,
  actor: Actor,
): Promise<OrgAdminView> {
  const reasons: OrgAdminReasonView[] = record.claims.map((claim) => ({
    managedIn: 'entra',
    source: claim,
    words: orgAdminReason(claim),
    grantedBy: null,
    since: null,
  }));
  if (record.grant) {
    const grantedBy = record.grant.grantedBy ? await nameOf(repos, record.grant.grantedBy) : null;
    reasons.push({
      managedIn: 'convene',
      source: record.grant.source,
      words: orgAdminReason(record.grant.source, grantedBy),
      grantedBy,
      since: record.grant.grantedAt,
    });
  }
  return {
    personId: record.personId,
    name: await nameOf(repos, record.personId),
    reasons,
    removable: record.grant !== null && record.claims.length === 0 && adminCount > 1,
    you: record.personId === actor.personId,
  };
}

async function nameOf(repos: Repositories, personId: string): Promise<string> {
  const person: Person | undefined = await repos.people.findById(personId);
  return person ? personLabel(person) : 'Someone no longer known';
}
