import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import type { DomainContext } from '../../domain/shared/unit-of-work.port';
import type { PhoneBatchChecker } from '../../domain/uploads/phone-batch-checker';
import type { UploadServices } from '../../domain/uploads/receive-upload';
import { uploadApplyHandler } from '../../domain/uploads/upload-apply.job';
import { uploadValidateHandler } from '../../domain/uploads/upload-validate.job';
import { FsUploadFiles } from '../storage/repositories/upload-files.fs';
import { JobRunner } from './job-runner';

export interface UploadSettings {
  maxBytes: number;
  batchRows: number;
  jobLeaseMs: number;
}

/** Everything bulk uploads need at run time: file storage, limits, and the worker applying jobs. */
export interface UploadRuntime extends UploadServices {
  runner: JobRunner;
}

/**
 * Wires bulk uploads for a process (the server or the CLI): files under `<dataDir>/uploads`, and a
 * job runner that applies upload jobs. Start the runner to take part in applying. `phones` is where
 * validation checks numbers (the composition root passes a WorkerPhoneChecker; default: in process).
 */
export function createUploadRuntime(
  ctx: DomainContext,
  dataDir: string,
  settings: UploadSettings,
  logger: Logger,
  options: { pollMs?: number; owner?: string; phones?: PhoneBatchChecker } = {},
): UploadRuntime {
  const files = new FsUploadFiles(
    path.join(dataDir === ':memory:' ? path.join(tmpdir(), 'convene-uploads') : dataDir, 'uploads'),
  );
  const services: UploadServices = {
    files,
    maxUploadBytes: settings.maxBytes,
    phones: options.phones,
    jobLeaseMs: settings.jobLeaseMs,
  };
  const runner = new JobRunner({
    uow: ctx.uow,
    clock: ctx.clock,
    logger,
    handlers: [
      uploadApplyHandler(files, settings.batchRows) as never,
      uploadValidateHandler(ctx, services) as never,
    ],
    leaseMs: settings.jobLeaseMs,
    pollMs: options.pollMs,
    owner: options.owner,
  });
  return { ...services, runner };
}
