import { newId } from '../shared/ids';

/** One mutation: who did what to which group, and when. */
export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  groupId: string | null;
  jobId: string | null;
  details: Record<string, unknown>;
}

export function auditEntry(
  at: Date,
  actorId: string | null,
  action: string,
  groupId: string | null,
  details: Record<string, unknown> = {},
  jobId: string | null = null,
): AuditEntry {
  return { id: newId(), at: at.toISOString(), actorId, action, groupId, jobId, details };
}
