import { createReadStream, rmSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import { parsePhoneNumberWithError } from 'libphonenumber-js/max';
import { inProcessPhoneChecker, type PhoneBatchChecker } from '../src/domain/uploads/phone-batch-checker';
import { validateCsv } from '../src/domain/uploads/validate-csv';
import { WorkerPhoneChecker } from '../src/infra/uploads/worker-phone-checker';
import type { Benchmark, Figure } from './figure';
import { benchDir, benchPhone, writeUserGroupFile } from './upload-bench-data';

const ROWS = 100_000;
const GROUPS = 1_000;
const ROUNDS = 3;

async function csvParseAlone(file: string): Promise<number> {
  let records = 0;
  const parser = createReadStream(file).pipe(parse({ info: true, relax_column_count: true }));
  for await (const _ of parser) records++;
  return records;
}

function phonesAlone(numbers: string[]): number {
  let valid = 0;
  for (const number of numbers) {
    const parsed = parsePhoneNumberWithError(number, 'IN');
    if (parsed.isValid() && parsed.number) valid++;
  }
  return valid;
}

async function validateFile(file: string, phones: PhoneBatchChecker): Promise<number> {
  let planned = 0;
  const summary = await validateCsv(
    createReadStream(file),
    { kind: 'user-group-mapping', defaultRegion: 'IN', phones },
    { problem: () => undefined, planRow: () => planned++ },
  );
  if (summary.errorCount > 0 || planned !== ROWS) throw new Error('the generated file should be valid');
  return planned;
}

const time = async (work: () => unknown): Promise<number> => {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

/**
 * P1: validating a 100k-row User Group Mapping file against the sum of its unavoidable parts,
 * csv-parse alone on the same file plus libphonenumber-js alone on the same numbers, measured side
 * by side (best of three rounds each, interleaved). Validation checks phone numbers on a worker thread,
 * as the server and CLI do; the same validation on one thread is printed beside it.
 */
export const uploadValidateBenchmark: Benchmark = {
  ids: ['P1'],
  title: 'validate a 100k-row User Group Mapping CSV vs csv-parse + libphonenumber-js alone',
  async run(): Promise<Figure[]> {
    const dir = benchDir();
    const worker = new WorkerPhoneChecker();
    try {
      const file = path.join(dir, 'users-100k.csv');
      await writeUserGroupFile(file, ROWS, GROUPS);
      const numbers = Array.from({ length: ROWS }, (_, i) => benchPhone(i));
      await validateFile(file, worker); // warm-up: the thread, metadata, JIT
      await validateFile(file, inProcessPhoneChecker);
      let parseMs = Number.POSITIVE_INFINITY;
      let phoneMs = Number.POSITIVE_INFINITY;
      let validateMs = Number.POSITIVE_INFINITY;
      let oneThreadMs = Number.POSITIVE_INFINITY;
      for (let round = 0; round < ROUNDS; round++) {
        parseMs = Math.min(parseMs, await time(() => csvParseAlone(file)));
        phoneMs = Math.min(phoneMs, await time(() => phonesAlone(numbers)));
        validateMs = Math.min(validateMs, await time(() => validateFile(file, worker)));
        oneThreadMs = Math.min(oneThreadMs, await time(() => validateFile(file, inProcessPhoneChecker)));
      }
      const floor = parseMs + phoneMs;
      return [
        {
          id: 'P1',
          figure: 'validation time ÷ (csv-parse alone + libphonenumber-js alone)',
          value: validateMs / floor,
          unit: 'ratio',
          target: '<= 1.2',
          notes: {
            validateMs: Math.round(validateMs),
            oneThreadRatio: Number((oneThreadMs / floor).toFixed(2)),
            csvParseMs: Math.round(parseMs),
            phonesMs: Math.round(phoneMs),
            rowsPerSecond: Math.round((ROWS / validateMs) * 1000),
          },
        },
      ];
    } finally {
      await worker.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
