import type { AuditEntry } from './audit-entry';

export interface AuditRepository {
  append(entry: AuditEntry): Promise<void>;
  listByGroup(groupId: string, limit: number): Promise<AuditEntry[]>;
}
