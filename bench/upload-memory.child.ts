/**
 * Runs in its own process for P3 so that its peak RSS is the upload's alone: validates and applies
 * the given file through the same code as the server, then prints what it measured as JSON.
 */
import path from 'node:path';
import { openConvene, uploadAndApply } from './upload-apply.bench';

async function main(): Promise<void> {
  const [file, dir] = process.argv.slice(2) as [string, string];
  const convene = await openConvene(path.join(dir, 'job'));
  const start = process.hrtime.bigint();
  const { uploadId, applyMs } = await uploadAndApply(convene, file);
  const totalMs = Number(process.hrtime.bigint() - start) / 1e6;
  const job = await convene.storage.db
    .selectFrom('uploads')
    .select(['status', 'rows_done'])
    .where('id', '=', uploadId)
    .executeTakeFirstOrThrow();
  await convene.phones.close();
  await convene.storage.close();
  process.stdout.write(
    JSON.stringify({
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      applyMs,
      validateMs: totalMs - applyMs,
      ...job,
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
