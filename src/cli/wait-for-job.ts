import { SingleBar } from 'cli-progress';
import type { Upload } from '../domain/uploads/upload';
import { getUpload } from '../domain/uploads/upload-queries';
import type { CliContext } from './cli-context';

const finished = new Set(['completed', 'partial', 'failed']);

/**
 * Takes part in applying (this process runs a worker too, so the job progresses with or without a
 * server) and waits for the job to end, drawing a progress bar when attached to a terminal.
 */
export async function waitForJob(
  cli: CliContext,
  jobId: string,
  options: { progress: boolean },
): Promise<Upload> {
  cli.uploads.runner.start();
  const bar =
    options.progress && process.stderr.isTTY
      ? new SingleBar({ format: 'applying [{bar}] {value}/{total} rows' })
      : undefined;
  let upload = (await getUpload(cli.ctx, jobId, cli.actor)).upload;
  bar?.start(upload.rowsValid, upload.rowsDone);
  while (!finished.has(upload.status)) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    upload = (await getUpload(cli.ctx, jobId, cli.actor)).upload;
    bar?.update(upload.rowsDone);
  }
  bar?.stop();
  await cli.uploads.runner.stop();
  return upload;
}
