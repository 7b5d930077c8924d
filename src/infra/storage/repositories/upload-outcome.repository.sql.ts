import { type Kysely, type Selectable, sql } from 'kysely';
import {
  type OutcomeQuery,
  type OutcomeTotal,
  outcomeSearchTerm,
  outcomeSearchText,
  type RowOutcomeKind,
  type UploadOutcomeEntry,
} from '../../../domain/uploads/row-outcome';
import type { UploadOutcomeRepository } from '../../../domain/uploads/upload-outcomes.repository';
import type { Database, UploadOutcomesTable } from '../schema';
import { executeMultiRow } from './multi-row-insert';

const columns = [
  'upload_id',
  'seq',
  'part',
  'line',
  'outcome',
  'group_name',
  'parent_name',
  'phone',
  'person_name',
  'role',
  'code',
  'message',
  'search_text',
] as const;

const toEntry = (row: Selectable<UploadOutcomesTable>): UploadOutcomeEntry => ({
  uploadId: row.upload_id,
  seq: Number(row.seq),
  part: Number(row.part) === 0 ? 0 : 1,
  line: row.line === null ? null : Number(row.line),
  outcome: row.outcome as RowOutcomeKind,
  group: row.group_name,
  parent: row.parent_name,
  phone: row.phone,
  name: row.person_name,
  role: row.role as UploadOutcomeEntry['role'],
  code: row.code,
  message: row.message,
});

/** `%` and `_` typed by someone searching are matched as themselves. */
const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export class SqlUploadOutcomeRepository implements UploadOutcomeRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Multi-row inserts compiled once per shape, like the bulk writes they are recorded beside. */
  async append(entries: UploadOutcomeEntry[]): Promise<void> {
    await executeMultiRow(
      this.db,
      'insert upload_outcomes',
      columns,
      entries.map((e) => [
        e.uploadId,
        e.seq,
        e.part,
        e.line,
        e.outcome,
        e.group,
        e.parent,
        e.phone,
        e.name,
        e.role,
        e.code,
        e.message,
        outcomeSearchText(e),
      ]),
      (placeholders) =>
        this.db
          .insertInto('upload_outcomes')
          .values(placeholders as never)
          .onConflict((oc) => oc.columns(['upload_id', 'seq', 'part']).doNothing()),
    );
  }

  private filtered(uploadId: string, query: Omit<OutcomeQuery, 'offset' | 'limit'>) {
    let q = this.db.selectFrom('upload_outcomes').where('upload_id', '=', uploadId);
    if (query.outcome) q = q.where('outcome', '=', query.outcome);
    const term = query.search ? outcomeSearchTerm(query.search) : '';
    // ESCAPE spelled out: SQLite has no default escape character for LIKE.
    if (term) q = q.where(sql<boolean>`search_text LIKE ${likePattern(term)} ESCAPE '\\'`);
    return q;
  }

  async read(uploadId: string, query: OutcomeQuery) {
    const count = await this.filtered(uploadId, query)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const rows = await this.filtered(uploadId, query)
      .selectAll()
      .orderBy('seq')
      .orderBy('part')
      .offset(query.offset)
      .limit(query.limit)
      .execute();
    return { total: Number(count.n), entries: rows.map(toEntry) };
  }

  async totals(uploadId: string, search?: string): Promise<Omit<OutcomeTotal, 'words'>[]> {
    const rows = await this.filtered(uploadId, { search })
      .select(['outcome', (eb) => eb.fn.countAll().as('n')])
      .groupBy('outcome')
      .execute();
    return rows.map((row) => ({ outcome: row.outcome as RowOutcomeKind, count: Number(row.n) }));
  }

  async after(
    uploadId: string,
    query: Omit<OutcomeQuery, 'offset' | 'limit'>,
    after: { seq: number; part: number } | null,
    limit: number,
  ): Promise<UploadOutcomeEntry[]> {
    let q = this.filtered(uploadId, query);
    if (after) {
      q = q.where((eb) =>
        eb.or([eb('seq', '>', after.seq), eb.and([eb('seq', '=', after.seq), eb('part', '>', after.part)])]),
      );
    }
    const rows = await q.selectAll().orderBy('seq').orderBy('part').limit(limit).execute();
    return rows.map(toEntry);
  }
}
