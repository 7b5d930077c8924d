/** Where a mapped group stands in the tenant, as the portal shows it. */
export type ProvisioningState = 'not-provisioned' | 'provisioning' | 'provisioned' | 'failed';

/**
 * The record of a group's provisioning: written with the job when the group is mapped, then with
 * the job's outcome. `target` says whether a real tenant (Graph) or the local stand-in did it.
 */
export interface GroupProvisioning {
  groupId: string;
  jobId: string;
  state: Exclude<ProvisioningState, 'not-provisioned'>;
  target: 'tenant' | 'local' | null;
  entraGroupId: string | null;
  teamId: string | null;
  /** Opens the team in Teams. */
  teamUrl: string | null;
  membersAdded: number | null;
  /** The latest failed attempt's error while retries remain. */
  lastError: string | null;
  /** Why provisioning gave up (state `failed`). */
  failureReason: string | null;
  requestedAt: string;
  updatedAt: string;
}

export interface GroupProvisioningRepository {
  find(groupId: string): Promise<GroupProvisioning | undefined>;
  /** Where each of these groups stands; groups never provisioned are left out. */
  statesOf(groupIds: string[]): Promise<Map<string, GroupProvisioning['state']>>;
  /** Inserts or replaces the group's record. */
  save(record: GroupProvisioning): Promise<void>;
  /**
   * Saves the record only while the group's current one is still in the `expected` state (null: the
   * group has none yet); false when another request changed it first.
   */
  saveIfState(record: GroupProvisioning, expected: GroupProvisioning['state'] | null): Promise<boolean>;
  /**
   * Marks a member sync as pending for those of the groups that are mapped (provisioned, or being
   * provisioned) and have none pending yet; returns those of them already provisioned, each of which
   * needs a sync job now. (A group still being provisioned gets its sync when provisioning ends: a
   * second job beside the first could create its Microsoft 365 group twice.)
   */
  markSyncPending(groupIds: string[]): Promise<string[]>;
  /** The same for every group the person belongs to (and has not declined). */
  markSyncPendingForPerson(personId: string): Promise<string[]>;
  /** Whether a member change is waiting for a sync. */
  isSyncPending(groupId: string): Promise<boolean>;
  /** The sync job is reading the group's members now: later changes need a sync of their own. */
  clearSyncPending(groupId: string): Promise<void>;
}

/** What the API and bot show about provisioning. */
export interface ProvisioningView {
  state: ProvisioningState;
  target: 'tenant' | 'local' | null;
  entraGroupId: string | null;
  teamId: string | null;
  /** "Open in Teams": the team's link, once the team exists. */
  teamUrl: string | null;
  lastError: string | null;
  reason: string | null;
  updatedAt: string | null;
}

/** Describes a group's record; a group never mapped has none and is `not-provisioned`. */
export function provisioningView(record: GroupProvisioning | undefined): ProvisioningView {
  if (!record)
    return {
      state: 'not-provisioned',
      target: null,
      entraGroupId: null,
      teamId: null,
      teamUrl: null,
      lastError: null,
      reason: null,
      updatedAt: null,
    };
  return {
    state: record.state,
    target: record.target,
    entraGroupId: record.entraGroupId,
    teamId: record.teamId,
    teamUrl: record.teamUrl,
    lastError: record.lastError,
    reason: record.failureReason,
    updatedAt: record.updatedAt,
  };
}
