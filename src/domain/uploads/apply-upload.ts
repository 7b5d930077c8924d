import type { Actor } from '../access/actor';
import { auditEntry } from '../audit/audit-entry';
import type { DomainContext } from '../shared/unit-of-work.port';
import { loadUpload } from './org-admin';
import { UPLOAD_APPLY_JOB, type Upload } from './upload';
import { NothingToApply, UploadHasErrors, UploadNotReady } from './upload.errors';

/**
 * Starts applying a validated upload: refused while the file has errors unless the admin explicitly
 * asks for the valid rows only. The job is committed to the database before this returns, so an
 * acknowledged upload is applied even if the process dies the next moment.
 */
export function applyUpload(
  ctx: DomainContext,
  input: { uploadId: string; validRowsOnly?: boolean },
  actor: Actor,
): Promise<Upload> {
  return ctx.uow.run(async (repos) => {
    const upload = await loadUpload(repos, actor, input.uploadId);
    if (upload.status !== 'ready' && upload.status !== 'invalid') throw new UploadNotReady(upload.status);
    const validRowsOnly = input.validRowsOnly === true;
    if (upload.errorCount > 0 && !validRowsOnly) throw new UploadHasErrors(upload.errorCount);
    if (upload.rowsValid === 0) throw new NothingToApply();
    const now = ctx.clock.now();
    const changes: Partial<Upload> = {
      status: 'running',
      validRowsOnly,
      // Rows left out for their errors count as failed: the job then ends `partial`, not `completed`.
      counts: { ...upload.counts, failed: upload.rowsInvalid },
      updatedAt: now.toISOString(),
    };
    // Two clicks racing: only the one that moves the status on enqueues the job.
    if (!(await repos.uploads.transition(upload.id, ['ready', 'invalid'], changes))) {
      throw new UploadNotReady('already being applied');
    }
    await repos.jobs.enqueue({
      id: upload.id,
      kind: UPLOAD_APPLY_JOB,
      payload: { uploadId: upload.id },
      createdAt: now.toISOString(),
    });
    await repos.audit.append(
      auditEntry(
        now,
        actor.personId,
        'upload.apply-requested',
        null,
        { uploadId: upload.id, fileName: upload.fileName, validRowsOnly },
        upload.id,
      ),
    );
    return { ...upload, ...changes };
  });
}
