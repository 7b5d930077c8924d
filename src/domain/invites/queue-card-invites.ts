import { auditEntry } from '../audit/audit-entry';
import type { Repositories } from '../shared/unit-of-work.port';

export interface QueueCardInvitesInput {
  groupId: string;
  personIds: string[];
  /** The person who added them (shown on the card as "who invited you"); null for system jobs. */
  invitedBy: string | null;
  now: Date;
  /** Upload job that added them, for the audit trail. */
  jobId?: string | null;
}

/**
 * Puts invite cards for newly added members in the delivery queue. Call it inside the same
 * transaction that adds the memberships: the invites then exist exactly when the members do,
 * and the delivery worker picks them up after commit. Idempotent per (group, person).
 */
export async function queueCardInvites(repos: Repositories, input: QueueCardInvitesInput): Promise<string[]> {
  if (input.personIds.length === 0) return [];
  const at = input.now.toISOString();
  // Set-at-a-time: people are added hundreds at once (a pasted column), bulk uploads thousands.
  const queued = await repos.cardInvites.enqueueMany(
    input.personIds.map((personId) => ({ groupId: input.groupId, personId, invitedBy: input.invitedBy })),
    at,
  );
  const ids = queued.map((invite) => invite.id);
  if (ids.length > 0) {
    await repos.audit.append(
      auditEntry(
        input.now,
        input.invitedBy,
        'card-invite.queued',
        input.groupId,
        { count: ids.length },
        input.jobId ?? null,
      ),
    );
  }
  return ids;
}
