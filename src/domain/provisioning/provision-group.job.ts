import { auditEntry } from '../audit/audit-entry';
import type { ProvisionedTenantGroup, TenantGroupSpec } from '../directory/directory.port';
import { loadGroup } from '../groups/load-group';
import { newId } from '../shared/ids';
import type { Repositories } from '../shared/unit-of-work.port';
import type { GroupProvisioning } from './group-provisioning';

/** The job kind that creates a mapped group's Microsoft 365 group and team. */
export const PROVISION_GROUP_JOB = 'group.provision';

export interface ProvisionGroupPayload {
  groupId: string;
}

/**
 * Records a provisioning job for a group (just mapped, or made in the organisation), inside the
 * caller's transaction, so the job exists exactly when the change committed. After a failed run,
 * `previous` is that run's record: whatever it got as far as creating is kept, so the new run goes
 * on from there. False, and nothing queued, when another request started a run first: two runs side
 * by side could create the Microsoft 365 group twice.
 */
export async function requestProvisioning(
  repos: Repositories,
  groupId: string,
  now: Date,
  previous?: GroupProvisioning,
): Promise<boolean> {
  const at = now.toISOString();
  const jobId = newId();
  const claimed = await repos.groupProvisioning.saveIfState(
    {
      groupId,
      jobId,
      state: 'provisioning',
      target: previous?.target ?? null,
      entraGroupId: previous?.entraGroupId ?? null,
      teamId: previous?.teamId ?? null,
      teamUrl: previous?.teamUrl ?? null,
      membersAdded: previous?.membersAdded ?? null,
      lastError: null,
      failureReason: null,
      requestedAt: at,
      updatedAt: at,
    },
    previous?.state ?? null,
  );
  if (claimed)
    await repos.jobs.enqueue({ id: jobId, kind: PROVISION_GROUP_JOB, payload: { groupId }, createdAt: at });
  return claimed;
}

/**
 * Queues a member sync for those of the groups that are mapped to an organisation, after their
 * members changed (someone joined, was added or promoted). A group with a sync already queued gets
 * no second one: that job reads the members when it runs. Call it in the transaction that made the
 * change, so the sync exists exactly when the change committed.
 */
export async function requestMemberSync(repos: Repositories, groupIds: string[], now: Date): Promise<void> {
  if (groupIds.length === 0) return;
  await enqueueSyncs(repos, await repos.groupProvisioning.markSyncPending([...new Set(groupIds)]), now);
}

/** The same for every mapped group of a person who was just found in Entra (one statement). */
export async function requestMemberSyncForPerson(
  repos: Repositories,
  personId: string,
  now: Date,
): Promise<void> {
  await enqueueSyncs(repos, await repos.groupProvisioning.markSyncPendingForPerson(personId), now);
}

async function enqueueSyncs(repos: Repositories, groupIds: string[], now: Date): Promise<void> {
  for (const groupId of groupIds) {
    await repos.jobs.enqueue({
      id: newId(),
      kind: PROVISION_GROUP_JOB,
      payload: { groupId },
      createdAt: now.toISOString(),
    });
  }
}

/**
 * What to create in the tenant, read fresh on every attempt: admins become owners, other members
 * join; only people known to Entra in the organisation's tenant can be added, and declined
 * invitations are left out.
 */
export async function provisioningSpec(repos: Repositories, groupId: string): Promise<TenantGroupSpec> {
  const group = await loadGroup(repos, groupId);
  const organisation = group.organisationId
    ? await repos.organisations.findById(group.organisationId)
    : undefined;
  if (!organisation) throw new Error(`Group ${groupId} is not mapped to an organisation`);
  const members = await repos.memberships.listByGroup(group.id);
  const inTenant = members.filter(
    (m) => m.state !== 'declined' && m.person.aadObjectId && m.person.tenantId === organisation.tenantId,
  );
  const record = await repos.groupProvisioning.find(group.id);
  const photo = await repos.groupPhotos.find(group.id);
  return {
    tenantId: organisation.tenantId,
    groupId: group.id,
    name: group.name,
    description: `${group.name}, moved to Microsoft Teams with Convene`,
    ownerIds: inTenant.filter((m) => m.role === 'admin').map((m) => m.person.aadObjectId!),
    memberIds: inTenant.filter((m) => m.role !== 'admin').map((m) => m.person.aadObjectId!),
    existingGroupId: record?.entraGroupId ?? null,
    existingTeamId: record?.teamId ?? null,
    photo:
      photo && photo.tenantEtag !== photo.etag
        ? { contentType: photo.contentType, bytes: photo.bytes, etag: photo.etag }
        : null,
  };
}

async function update(
  repos: Repositories,
  groupId: string,
  changes: Partial<GroupProvisioning>,
  now: Date,
): Promise<GroupProvisioning> {
  const current = await repos.groupProvisioning.find(groupId);
  if (!current) throw new Error(`Group ${groupId} has no provisioning record`);
  const next = { ...current, ...changes, updatedAt: now.toISOString() };
  await repos.groupProvisioning.save(next);
  return next;
}

/**
 * Records the tenant's group and team on the group (and audits it under the job's id). For a group
 * provisioned before, this was a member sync: the count grows by the people it added.
 */
export async function recordProvisioned(
  repos: Repositories,
  jobId: string,
  groupId: string,
  result: ProvisionedTenantGroup,
  now: Date,
): Promise<void> {
  const target = result.local ? 'local' : 'tenant';
  const before = await repos.groupProvisioning.find(groupId);
  const sync = before?.state === 'provisioned';
  // The local stand-in reports everyone each time; Graph reports whom this run added.
  const membersAdded =
    sync && !result.local ? (before.membersAdded ?? 0) + result.membersAdded : result.membersAdded;
  await update(
    repos,
    groupId,
    {
      state: 'provisioned',
      target,
      entraGroupId: result.local ? null : result.entraGroupId,
      teamId: result.local ? null : result.teamId,
      teamUrl: result.local ? null : (result.teamUrl ?? before?.teamUrl ?? null),
      membersAdded,
      lastError: result.photoProblem ?? null,
      failureReason: null,
    },
    now,
  );
  if (result.photoEtag) {
    await repos.groupPhotos.markSetInTenant(groupId, result.photoEtag);
    await repos.audit.append(
      auditEntry(now, null, 'group.photo-set-in-tenant', groupId, { etag: result.photoEtag }, jobId),
    );
  }
  // Members changed after this run read them (while the group was being provisioned): sync now.
  if (!sync && (await repos.groupProvisioning.isSyncPending(groupId)))
    await enqueueSyncs(repos, [groupId], now);
  if (sync && result.membersAdded === 0) return;
  await repos.audit.append(
    auditEntry(
      now,
      null,
      sync ? 'group.members-synced' : 'group.provisioned',
      groupId,
      { target, entraGroupId: result.local ? null : result.entraGroupId, membersAdded: result.membersAdded },
      jobId,
    ),
  );
}

/** Notes a failed attempt that will be retried. */
export async function recordProvisioningRetry(
  repos: Repositories,
  groupId: string,
  error: string,
  now: Date,
): Promise<void> {
  await update(repos, groupId, { lastError: error }, now);
}

/**
 * Records that provisioning gave up, and why. A group that was provisioned before stays provisioned
 * (its team exists); only the failed sync is noted.
 */
export async function recordProvisioningFailed(
  repos: Repositories,
  jobId: string,
  groupId: string,
  reason: string,
  now: Date,
): Promise<void> {
  const before = await repos.groupProvisioning.find(groupId);
  if (before?.state === 'provisioned') {
    await update(repos, groupId, { lastError: reason }, now);
    await repos.audit.append(auditEntry(now, null, 'group.member-sync-failed', groupId, { reason }, jobId));
    return;
  }
  await update(repos, groupId, { state: 'failed', failureReason: reason, lastError: reason }, now);
  await repos.audit.append(auditEntry(now, null, 'group.provisioning-failed', groupId, { reason }, jobId));
}
