import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { applyUpload } from '../domain/uploads/apply-upload';
import { dryRun } from '../domain/uploads/dry-run';
import { receiveUpload } from '../domain/uploads/receive-upload';
import { type UploadKind, uploadKinds } from '../domain/uploads/upload';
import type { Problem } from '../domain/uploads/upload-problem';
import { type CliContext, checkFileSize, UsageError } from './cli-context';
import { jobLines, problemLine } from './print';
import { waitForJob } from './wait-for-job';

export interface UploadOptions {
  kind: string;
  region?: string;
  json?: boolean;
  wait?: boolean;
  validRowsOnly?: boolean;
}

/** `user-group` or `user-group-mapping` (and the same for parent-group). */
export function parseKind(raw: string | undefined): UploadKind {
  const value = (raw ?? '').trim().toLowerCase();
  const kind = value.endsWith('-mapping') ? value : `${value}-mapping`;
  if (!(uploadKinds as readonly string[]).includes(kind)) {
    throw new UsageError(`--kind must be user-group or parent-group (got "${raw ?? ''}").`);
  }
  return kind as UploadKind;
}

const out = (text: string) => process.stdout.write(`${text}\n`);

/** `convene upload validate FILE`: a dry run; exit 0 when the file has no errors, 1 when it has. */
export async function validateCommand(
  cli: CliContext,
  file: string,
  options: UploadOptions,
): Promise<number> {
  const kind = parseKind(options.kind);
  await checkFileSize(file, cli.uploads.maxUploadBytes);
  const problems: Problem[] = [];
  const summary = await dryRun(
    cli.ctx,
    cli.uploads,
    { kind, region: options.region, bytes: createReadStream(file) },
    cli.actor,
    {
      problem: (p) => {
        if (options.json) problems.push(p);
        else out(problemLine(p));
      },
    },
  );
  if (options.json) out(JSON.stringify({ file: path.basename(file), kind, ...summary, problems }, null, 2));
  else {
    out(
      `${path.basename(file)}: ${summary.rowsTotal} rows, ${summary.rowsValid} to apply, ${summary.errorCount} errors, ${summary.warningCount} warnings, ${summary.groupCount} groups.`,
    );
  }
  return summary.errorCount > 0 ? 1 : 0;
}

/**
 * `convene upload apply FILE`: records the upload (validated as in the tab), then starts the job.
 * With --wait it also applies it here and reports the outcome; the exit code says how it ended.
 */
export async function applyCommand(cli: CliContext, file: string, options: UploadOptions): Promise<number> {
  const kind = parseKind(options.kind);
  await checkFileSize(file, cli.uploads.maxUploadBytes);
  const report = await receiveUpload(
    cli.ctx,
    cli.uploads,
    { kind, fileName: path.basename(file), region: options.region, bytes: createReadStream(file) },
    cli.actor,
  );
  const { upload } = report;
  const refused = upload.errorCount > 0 && !options.validRowsOnly;
  if (!options.json) {
    for (const p of report.problems) out(problemLine(p));
    if (report.problems.length < upload.errorCount + upload.warningCount) {
      out(
        `… ${upload.errorCount + upload.warningCount - report.problems.length} more; see \`convene jobs ${upload.id}\`.`,
      );
    }
  }
  if (refused) {
    if (options.json)
      out(JSON.stringify({ job: upload, totals: report.totals, problems: report.problems }, null, 2));
    else out(`Not applied: the file has ${upload.errorCount} errors. Fix them, or pass --valid-rows-only.`);
    return 1;
  }
  let job = await applyUpload(
    cli.ctx,
    { uploadId: upload.id, validRowsOnly: options.validRowsOnly },
    cli.actor,
  );
  if (options.wait) job = await waitForJob(cli, job.id, { progress: !options.json });
  if (options.json) out(JSON.stringify({ job }, null, 2));
  else {
    for (const line of jobLines(job)) out(line);
    if (!options.wait)
      out('Queued: a running Convene applies it, or follow it here with `convene jobs <id> --wait`.');
  }
  if (!options.wait) return 0;
  return job.status === 'completed' ? 0 : 1;
}

export function registerUploadCommands(
  program: Command,
  run: (action: (cli: CliContext) => Promise<number>) => Promise<void>,
): void {
  const upload = program.command('upload').description('validate or apply a bulk upload CSV file');
  upload
    .command('validate')
    .description('check a file without changing anything (exit 0: no errors, 1: problems found)')
    .argument('<file>', 'the CSV file')
    .requiredOption('--kind <kind>', 'user-group or parent-group')
    .option('--region <code>', 'region for numbers without a country code (default: the organisation’s)')
    .option('--json', 'print the problems as JSON (the same objects as the API)')
    .action((file: string, options: UploadOptions) => run((cli) => validateCommand(cli, file, options)));
  upload
    .command('apply')
    .description('upload a file and apply it (exit 0: applied or queued, 1: problems, failed or partial)')
    .argument('<file>', 'the CSV file')
    .requiredOption('--kind <kind>', 'user-group or parent-group')
    .option('--region <code>', 'region for numbers without a country code (default: the organisation’s)')
    .option('--valid-rows-only', 'apply the valid rows even though others have errors')
    .option('--wait', 'apply it now, in this process, and report the outcome')
    .option('--json', 'print JSON')
    .action((file: string, options: UploadOptions) => run((cli) => applyCommand(cli, file, options)));
}
