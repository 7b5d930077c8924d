import type { Kysely, Selectable } from 'kysely';
import type {
  GroupsToCreate,
  Upload,
  UploadCounts,
  UploadKind,
  UploadStatus,
} from '../../../domain/uploads/upload';
import type {
  LogPhase,
  LogQuery,
  ProblemTotal,
  UploadLogEntry,
  UploadRepository,
} from '../../../domain/uploads/upload.repository';
import type { Severity } from '../../../domain/uploads/upload-problem';
import type { Database, UploadLogTable, UploadsTable } from '../schema';

const toUpload = (row: Selectable<UploadsTable>): Upload => ({
  id: row.id,
  organisationId: row.organisation_id,
  kind: row.kind as UploadKind,
  fileName: row.file_name,
  sha256: row.sha256,
  sizeBytes: Number(row.size_bytes),
  uploadedBy: row.uploaded_by,
  uploadedAt: row.uploaded_at,
  defaultRegion: row.default_region,
  status: row.status as UploadStatus,
  header: JSON.parse(row.header) as string[],
  rowsTotal: Number(row.rows_total),
  rowsValid: Number(row.rows_valid),
  rowsInvalid: Number(row.rows_invalid),
  rowsDone: Number(row.rows_done),
  errorCount: Number(row.error_count),
  warningCount: Number(row.warning_count),
  counts: JSON.parse(row.counts) as UploadCounts,
  validRowsOnly: Number(row.valid_rows_only) === 1,
  groupsToCreate: row.groups_to_create === null ? null : (JSON.parse(row.groups_to_create) as GroupsToCreate),
  companionUploadId: row.companion_upload_id,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  updatedAt: row.updated_at,
});

type Row = Omit<Selectable<UploadsTable>, 'id'>;

function toRow(u: Partial<Omit<Upload, 'id'>>): Partial<Row> {
  const columns: Record<keyof Omit<Upload, 'id'>, [keyof Row, (value: never) => unknown]> = {
    organisationId: ['organisation_id', (v) => v],
    kind: ['kind', (v) => v],
    fileName: ['file_name', (v) => v],
    sha256: ['sha256', (v) => v],
    sizeBytes: ['size_bytes', (v) => v],
    uploadedBy: ['uploaded_by', (v) => v],
    uploadedAt: ['uploaded_at', (v) => v],
    defaultRegion: ['default_region', (v) => v],
    status: ['status', (v) => v],
    header: ['header', (v) => JSON.stringify(v)],
    rowsTotal: ['rows_total', (v) => v],
    rowsValid: ['rows_valid', (v) => v],
    rowsInvalid: ['rows_invalid', (v) => v],
    rowsDone: ['rows_done', (v) => v],
    errorCount: ['error_count', (v) => v],
    warningCount: ['warning_count', (v) => v],
    counts: ['counts', (v) => JSON.stringify(v)],
    validRowsOnly: ['valid_rows_only', (v: boolean) => (v ? 1 : 0)],
    groupsToCreate: ['groups_to_create', (v) => (v === null ? null : JSON.stringify(v))],
    companionUploadId: ['companion_upload_id', (v) => v],
    startedAt: ['started_at', (v) => v],
    finishedAt: ['finished_at', (v) => v],
    updatedAt: ['updated_at', (v) => v],
  };
  const row: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(u)) {
    const column = columns[key as keyof typeof columns];
    if (column && value !== undefined) row[column[0]] = column[1](value as never);
  }
  return row as Partial<Row>;
}

const toEntry = (row: Selectable<UploadLogTable>): UploadLogEntry => ({
  uploadId: row.upload_id,
  phase: row.phase as LogPhase,
  seq: Number(row.seq),
  at: row.at,
  line: row.line === null ? null : Number(row.line),
  column: row.column_name,
  code: row.code,
  severity: row.severity as Severity,
  message: row.message,
  ...(row.details ? { details: JSON.parse(row.details) as Record<string, unknown> } : {}),
  cells: row.cells === null ? null : (JSON.parse(row.cells) as string[]),
});

/** Rows per multi-row insert: well under SQLite's 32,766 bound parameters. */
const LOG_CHUNK = 500;

export class SqlUploadRepository implements UploadRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(upload: Upload): Promise<void> {
    await this.db
      .insertInto('uploads')
      .values({ id: upload.id, ...(toRow(upload) as Row) })
      .execute();
  }

  async findById(id: string): Promise<Upload | undefined> {
    const row = await this.db.selectFrom('uploads').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toUpload(row);
  }

  async update(id: string, changes: Partial<Omit<Upload, 'id'>>): Promise<void> {
    const values = toRow(changes);
    if (Object.keys(values).length === 0) return;
    await this.db.updateTable('uploads').set(values).where('id', '=', id).execute();
  }

  async transition(id: string, from: UploadStatus[], changes: Partial<Omit<Upload, 'id'>>): Promise<boolean> {
    const result = await this.db
      .updateTable('uploads')
      .set(toRow(changes))
      .where('id', '=', id)
      .where('status', 'in', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async listForOrganisation(organisationId: string, offset: number, limit: number): Promise<Upload[]> {
    const rows = await this.db
      .selectFrom('uploads')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .orderBy('uploaded_at', 'desc')
      .orderBy('id')
      .offset(offset)
      .limit(limit)
      .execute();
    return rows.map(toUpload);
  }

  async appendLog(entries: UploadLogEntry[]): Promise<void> {
    for (let start = 0; start < entries.length; start += LOG_CHUNK) {
      await this.db
        .insertInto('upload_log')
        .values(
          entries.slice(start, start + LOG_CHUNK).map((e) => ({
            upload_id: e.uploadId,
            phase: e.phase,
            seq: e.seq,
            at: e.at,
            line: e.line,
            column_name: e.column,
            code: e.code,
            severity: e.severity,
            message: e.message,
            details: e.details ? JSON.stringify(e.details) : null,
            cells: e.cells ? JSON.stringify(e.cells) : null,
          })),
        )
        .onConflict((oc) => oc.columns(['upload_id', 'phase', 'seq']).doNothing())
        .execute();
    }
  }

  private filtered(uploadId: string, query: Omit<LogQuery, 'offset' | 'limit'>) {
    let q = this.db.selectFrom('upload_log').where('upload_id', '=', uploadId);
    if (query.phase) q = q.where('phase', '=', query.phase);
    if (query.severity) q = q.where('severity', '=', query.severity);
    if (query.code) q = q.where('code', '=', query.code);
    return q;
  }

  async readLog(uploadId: string, query: LogQuery): Promise<{ total: number; entries: UploadLogEntry[] }> {
    const count = await this.filtered(uploadId, query)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const rows = await this.filtered(uploadId, query)
      .selectAll()
      // Validation before applying; within a phase, in the order things were found.
      .orderBy('phase', 'desc')
      .orderBy('seq')
      .offset(query.offset)
      .limit(query.limit)
      .execute();
    return { total: Number(count.n), entries: rows.map(toEntry) };
  }

  async problemTotals(uploadId: string, phase?: LogPhase): Promise<ProblemTotal[]> {
    const rows = await this.filtered(uploadId, { phase })
      .select(['code', 'severity', (eb) => eb.fn.countAll().as('n')])
      .groupBy(['code', 'severity'])
      .orderBy('code')
      .execute();
    return rows.map((row) => ({ code: row.code, severity: row.severity, count: Number(row.n) }));
  }

  async errorRows(
    uploadId: string,
    after: { phase: LogPhase; seq: number } | null,
    limit: number,
  ): Promise<UploadLogEntry[]> {
    let q = this.db
      .selectFrom('upload_log')
      .selectAll()
      .where('upload_id', '=', uploadId)
      .where('severity', '=', 'error')
      .where('cells', 'is not', null);
    if (after) {
      q = q.where((eb) =>
        eb.or([
          eb('phase', '<', after.phase),
          eb.and([eb('phase', '=', after.phase), eb('seq', '>', after.seq)]),
        ]),
      );
    }
    const rows = await q.orderBy('phase', 'desc').orderBy('seq').limit(limit).execute();
    return rows.map(toEntry);
  }
}
