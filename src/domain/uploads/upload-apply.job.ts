import type { Actor } from '../access/actor';
import type { Job } from '../jobs/job';
import type { JobHandler, JobStep } from '../jobs/job-handler';
import { countOf } from '../shared/count-words';
import type { Repositories } from '../shared/unit-of-work.port';
import { applyParentGroupRows } from './apply-parent-group-rows';
import { applyUserGroupRows, type BatchResult } from './apply-user-group-rows';
import { fromParentGroupPlanFields } from './parent-group-validator';
import { planRowCells } from './plan-row-cells';
import type { UploadOutcomeEntry } from './row-outcome';
import { addCounts, UPLOAD_APPLY_JOB, type Upload } from './upload';
import { OrgAdminsOnly, UploadNotFound } from './upload.errors';
import type { UploadLogEntry } from './upload.repository';
import type { UploadFiles } from './upload-files.port';
import { fromUserGroupPlanFields } from './user-group-validator';

/** Where an apply job stands: the byte offset in the plan file and the rows applied so far. */
export interface UploadApplyCheckpoint {
  offset: number;
  rowsDone: number;
}

type UploadApplyJob = Job<{ uploadId: string }, UploadApplyCheckpoint>;

/**
 * Applies an upload's plan one batch per step. The step's writes, its log entries and row outcomes,
 * the upload's progress and the job checkpoint commit in one transaction (the job runner's), so a crash between
 * steps loses nothing and repeats nothing.
 */
export function uploadApplyHandler(
  files: UploadFiles,
  batchRows: number,
): JobHandler<{ uploadId: string }, UploadApplyCheckpoint> {
  return {
    kind: UPLOAD_APPLY_JOB,
    async step(repos: Repositories, job: UploadApplyJob, now: Date): Promise<JobStep<UploadApplyCheckpoint>> {
      const upload = await repos.uploads.findById(job.payload.uploadId);
      if (!upload) throw new UploadNotFound(job.payload.uploadId);
      if (!(await repos.roles.isOrgAdmin(upload.organisationId, upload.uploadedBy)))
        throw new OrgAdminsOnly();
      const at = now.toISOString();
      const checkpoint = job.checkpoint ?? { offset: 0, rowsDone: 0 };
      const page = await files.readPlan(upload.id, checkpoint.offset, batchRows);
      const context = {
        now,
        actor: { personId: upload.uploadedBy, tenantId: null, displayName: null } satisfies Actor,
        organisationId: upload.organisationId,
        jobId: upload.id,
      };
      const lines = page.rows.map((fields) => Number(fields[0]));
      let result: BatchResult;
      let cells: (index: number) => string[];
      if (upload.kind === 'user-group-mapping') {
        const rows = page.rows.map(fromUserGroupPlanFields);
        result = await applyUserGroupRows(repos, context, rows);
        cells = (index) => planRowCells(upload, rows[index]!);
      } else {
        const rows = page.rows.map(fromParentGroupPlanFields);
        result = await applyParentGroupRows(repos, context, rows);
        cells = (index) => planRowCells(upload, rows[index]!);
      }
      const log: UploadLogEntry[] = result.failures.map((failure) => ({
        uploadId: upload.id,
        phase: 'apply',
        seq: checkpoint.rowsDone + failure.index + 1,
        at,
        line: lines[failure.index] ?? null,
        column: null,
        code: failure.code,
        severity: 'error',
        message: failure.message,
        cells: cells(failure.index),
      }));
      // Every row's outcome, numbered by its place in the plan like the log, so a retried step adds none twice.
      const outcomes: UploadOutcomeEntry[] = result.outcomes.map((o) => ({
        uploadId: upload.id,
        seq: checkpoint.rowsDone + o.index + 1,
        part: o.outcome === 'group-created' ? 0 : 1,
        line: lines[o.index] ?? null,
        outcome: o.outcome,
        group: o.group,
        parent: o.parent ?? null,
        phone: o.phone ?? null,
        name: o.name ?? null,
        role: o.role ?? null,
        code: o.code ?? null,
        message: o.message ?? null,
      }));
      const rowsDone = checkpoint.rowsDone + page.rows.length;
      const counts = addCounts(upload.counts, result.counts);
      const changes: Partial<Upload> = { rowsDone, counts, updatedAt: at };
      if (checkpoint.rowsDone === 0 && checkpoint.offset === 0) changes.startedAt = at;
      if (page.done) {
        changes.status = counts.failed > 0 ? 'partial' : 'completed';
        changes.finishedAt = at;
        log.push(summaryEntry(upload, rowsDone + 1, at, counts));
      }
      await repos.uploads.appendLog(log);
      await repos.uploadOutcomes.append(outcomes);
      await repos.uploads.update(upload.id, changes);
      return { checkpoint: { offset: page.nextOffset, rowsDone }, done: page.done };
    },

    async failed(repos: Repositories, job: UploadApplyJob, reason: string, now: Date): Promise<void> {
      const upload = await repos.uploads.findById(job.payload.uploadId);
      if (!upload) return;
      const at = now.toISOString();
      await repos.uploads.update(upload.id, { status: 'failed', finishedAt: at, updatedAt: at });
      await repos.uploads.appendLog([
        {
          uploadId: upload.id,
          phase: 'apply',
          seq: upload.rowsValid + 2,
          at,
          line: null,
          column: null,
          code: 'UPLOAD_JOB_FAILED',
          severity: 'error',
          message: `Applying stopped after ${upload.rowsDone} of ${upload.rowsValid} rows: ${reason}`,
          cells: null,
        },
      ]);
    },
  };
}

function summaryEntry(upload: Upload, seq: number, at: string, counts: Upload['counts']): UploadLogEntry {
  const parts =
    upload.kind === 'user-group-mapping'
      ? [
          `${countOf(counts.groupsCreated, 'group')} created`,
          `${countOf(counts.membersAdded, 'member')} added`,
          `${counts.membersRemoved} removed`,
          `${countOf(counts.rolesChanged, 'role')} changed`,
        ]
      : [`${countOf(counts.parentsSet, 'parent')} set`];
  parts.push(`${counts.unchanged} unchanged`, `${counts.failed} failed`);
  return {
    uploadId: upload.id,
    phase: 'apply',
    seq,
    at,
    line: null,
    column: null,
    code: counts.failed > 0 ? 'UPLOAD_APPLIED_PARTLY' : 'UPLOAD_APPLIED',
    severity: 'info',
    message: `Applied ${upload.fileName}: ${parts.join(', ')}.${counts.unchanged > 0 && counts.unchanged === upload.rowsValid ? ' Nothing changed: everything in the file was already in place.' : ''}`,
    details: { counts },
    cells: null,
  };
}
