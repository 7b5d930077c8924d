import type { Region } from '../people/phone-number';
import { readCsvRecords } from './csv-records';
import { CsvUnreadable, decodeCsvText } from './csv-text';
import { type KnownGroups, validateParentGroupRecords } from './parent-group-validator';
import type { PhoneBatchChecker } from './phone-batch-checker';
import type { UploadKind } from './upload';
import type { Problem } from './upload-problem';
import { validateUserGroupRecords } from './user-group-validator';
import { CountingSink, type ValidationSink, type ValidationSummary } from './validation';

export interface ValidateCsvOptions {
  kind: UploadKind;
  defaultRegion: Region;
  /** Needed for parent mappings: the groups rows may name. */
  knownGroups?: KnownGroups;
  /** The longest record csv-parse accepts, in characters. */
  maxRecordChars?: number;
  /** Where phone numbers are checked (another thread in the server and CLI); here by default. */
  phones?: PhoneBatchChecker;
}

const DEFAULT_MAX_RECORD_CHARS = 64 * 1024;

/**
 * The dry run: reads a CSV file as it streams, reports every problem to the sink and hands valid rows
 * on as the plan to apply. Nothing in the organisation changes. A file that cannot be read as text is
 * one file-level problem rather than an exception.
 */
export async function validateCsv(
  bytes: AsyncIterable<Buffer | Uint8Array>,
  options: ValidateCsvOptions,
  sink: ValidationSink,
): Promise<ValidationSummary> {
  const counting = new CountingSink(sink);
  const readRecords = (onProblem: (found: Problem) => void) =>
    readCsvRecords(decodeCsvText(bytes), {
      maxRecordChars: options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS,
      onProblem,
    });
  let result = { header: [] as string[], rowsTotal: 0, rowsValid: 0, groupCount: 0 };
  try {
    result =
      options.kind === 'user-group-mapping'
        ? await validateUserGroupRecords(readRecords, options.defaultRegion, counting, options.phones)
        : await validateParentGroupRecords(
            readRecords((found) => counting.problem(found)),
            options.knownGroups ?? { organisation: new Map(), companion: new Set() },
            counting,
          );
  } catch (error) {
    if (!(error instanceof CsvUnreadable)) throw error;
    counting.problem(error.problem);
    // Rows already read may have gone to the plan; an unreadable file applies nothing.
    result = { ...result, rowsValid: 0 };
  }
  await counting.drain();
  return {
    ...result,
    rowsInvalid: counting.rowsInvalid,
    errorCount: counting.errorCount,
    warningCount: counting.warningCount,
  };
}
