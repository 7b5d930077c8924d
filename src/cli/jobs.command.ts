import type { Command } from 'commander';
import { getUpload, listUploads, readUploadLog } from '../domain/uploads/upload-queries';
import type { CliContext } from './cli-context';
import { jobLines, problemLine } from './print';
import { waitForJob } from './wait-for-job';

const out = (text: string) => process.stdout.write(`${text}\n`);

interface JobsOptions {
  json?: boolean;
  wait?: boolean;
  limit?: string;
}

/** `convene jobs [ID]`: the latest jobs, or one job with its log; exit 1 when that job failed or is partial. */
export async function jobsCommand(
  cli: CliContext,
  id: string | undefined,
  options: JobsOptions,
): Promise<number> {
  if (!id) {
    const jobs = await listUploads(cli.ctx, { offset: 0, limit: Number(options.limit ?? 20) }, cli.actor);
    if (options.json) out(JSON.stringify({ jobs }, null, 2));
    else if (jobs.length === 0) out('No upload jobs yet.');
    else for (const job of jobs) for (const line of jobLines(job)) out(line);
    return 0;
  }
  let { upload } = await getUpload(cli.ctx, id, cli.actor);
  if (options.wait && upload.status === 'running')
    upload = await waitForJob(cli, id, { progress: !options.json });
  const log = await readUploadLog(cli.ctx, id, { offset: 0, limit: 200 }, cli.actor);
  if (options.json)
    out(
      JSON.stringify(
        { job: upload, totals: log.totals, log: log.entries.map(({ cells: _c, ...e }) => e) },
        null,
        2,
      ),
    );
  else {
    for (const line of jobLines(upload)) out(line);
    for (const entry of log.entries) out(`  ${entry.phase.padEnd(10)} ${problemLine(entry)}`);
    if (log.total > log.entries.length)
      out(`  … ${log.total - log.entries.length} more entries (GET /api/v1/jobs/${id}/log).`);
  }
  return upload.status === 'failed' || upload.status === 'partial' || upload.status === 'invalid' ? 1 : 0;
}

export function registerJobCommands(
  program: Command,
  run: (action: (cli: CliContext) => Promise<number>) => Promise<void>,
): void {
  program
    .command('jobs')
    .description('list upload jobs, or show one with its log')
    .argument('[id]', 'a job id')
    .option('--wait', 'if the job is running, help apply it and wait for the end')
    .option('--limit <n>', 'how many jobs to list', '20')
    .option('--json', 'print JSON')
    .action((id: string | undefined, options: JobsOptions) => run((cli) => jobsCommand(cli, id, options)));
}
