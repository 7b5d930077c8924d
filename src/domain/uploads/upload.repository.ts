import type { Upload, UploadStatus } from './upload';
import type { Problem } from './upload-problem';

export type LogPhase = 'validation' | 'apply';

/** One entry in an upload's log: a problem found while validating, or what happened while applying. */
export interface UploadLogEntry extends Problem {
  uploadId: string;
  phase: LogPhase;
  /** Orders entries within a phase; in the apply phase it is the plan row's index, so retries cannot duplicate. */
  seq: number;
  at: string;
  /** The row's cells, for rows that end up in the error report. */
  cells: string[] | null;
}

export interface ProblemTotal {
  code: string;
  severity: string;
  count: number;
}

export interface LogQuery {
  phase?: LogPhase;
  severity?: string;
  code?: string;
  offset: number;
  limit: number;
}

export interface UploadRepository {
  insert(upload: Upload): Promise<void>;
  findById(id: string): Promise<Upload | undefined>;
  update(id: string, changes: Partial<Omit<Upload, 'id'>>): Promise<void>;
  /** Updates only while the upload is in one of `from`; says whether it was. */
  transition(id: string, from: UploadStatus[], changes: Partial<Omit<Upload, 'id'>>): Promise<boolean>;
  /** Newest first. */
  listForOrganisation(organisationId: string, offset: number, limit: number): Promise<Upload[]>;
  appendLog(entries: UploadLogEntry[]): Promise<void>;
  readLog(uploadId: string, query: LogQuery): Promise<{ total: number; entries: UploadLogEntry[] }>;
  problemTotals(uploadId: string, phase?: LogPhase): Promise<ProblemTotal[]>;
  /** Error entries that carry a row, in file order, a page at a time (for the error report). */
  errorRows(
    uploadId: string,
    after: { phase: LogPhase; seq: number } | null,
    limit: number,
  ): Promise<UploadLogEntry[]>;
}
