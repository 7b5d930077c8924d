import type { Kysely } from 'kysely';
import type { AuditRepository } from '../../../domain/audit/audit.repository';
import type { AuditEntry } from '../../../domain/audit/audit-entry';
import type { Database } from '../schema';

export class SqlAuditRepository implements AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async append(entry: AuditEntry): Promise<void> {
    await this.db
      .insertInto('audit_entries')
      .values({
        id: entry.id,
        at: entry.at,
        actor_id: entry.actorId,
        action: entry.action,
        group_id: entry.groupId,
        job_id: entry.jobId,
        details: JSON.stringify(entry.details),
      })
      .execute();
  }

  async listByGroup(groupId: string, limit: number): Promise<AuditEntry[]> {
    const rows = await this.db
      .selectFrom('audit_entries')
      .selectAll()
      .where('group_id', '=', groupId)
      .orderBy('at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      actorId: row.actor_id,
      action: row.action,
      groupId: row.group_id,
      jobId: row.job_id,
      details: JSON.parse(row.details) as Record<string, unknown>,
    }));
  }
}
