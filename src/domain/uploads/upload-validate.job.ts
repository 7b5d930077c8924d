import type { Job } from '../jobs/job';
import type { JobHandler } from '../jobs/job-handler';
import type { DomainContext, Repositories } from '../shared/unit-of-work.port';
import { type UploadServices, validateStoredUpload } from './receive-upload';
import { UPLOAD_VALIDATE_JOB } from './upload';
import { UploadOriginalMissing } from './upload.errors';

type UploadValidateJob = Job<{ uploadId: string }>;

/**
 * Takes over a validation whose process died (its lease ran out): validates the kept original
 * again, from the start, and records the result as the interrupted run would have. An upload that
 * is no longer `validating` is left as it is. If the file cannot be validated at all (it is gone),
 * the upload ends `failed` with the reason, and the admin uploads it again.
 */
export function uploadValidateHandler(
  ctx: DomainContext,
  services: UploadServices,
): JobHandler<{ uploadId: string }, null> {
  return {
    kind: UPLOAD_VALIDATE_JOB,
    async prepare(job: UploadValidateJob): Promise<void> {
      const upload = await ctx.uow.run((repos) => repos.uploads.findById(job.payload.uploadId));
      if (upload?.status !== 'validating') return;
      // Nothing to retry without the file: the upload fails at once with the reason.
      if (!(await services.files.hasOriginal(upload.id))) throw new UploadOriginalMissing(upload.fileName);
      const validated = await validateStoredUpload(ctx, services, upload);
      await ctx.uow.run((repos) => repos.uploads.transition(upload.id, ['validating'], validated));
    },
    async step() {
      return { checkpoint: null, done: true };
    },
    async failed(repos: Repositories, job: UploadValidateJob, reason: string, now: Date): Promise<void> {
      const at = now.toISOString();
      const stopped = await repos.uploads.transition(job.payload.uploadId, ['validating'], {
        status: 'failed',
        finishedAt: at,
        updatedAt: at,
      });
      if (!stopped) return;
      await repos.uploads.appendLog([
        {
          uploadId: job.payload.uploadId,
          phase: 'validation',
          // After every problem validation itself numbers (PostgreSQL's integer is 32-bit).
          seq: 2_147_483_647,
          at,
          line: null,
          column: null,
          code: 'UPLOAD_VALIDATION_FAILED',
          severity: 'error',
          message: `Checking the file stopped and could not be resumed: ${reason}. Upload the file again.`,
          cells: null,
        },
      ]);
    },
  };
}
