import type { Problem } from './upload-problem';

/**
 * Where validation sends what it finds, as it streams through a file. `problem` and `planRow` are
 * synchronous for speed; `drain` is awaited every few thousand rows so a sink can write what it has
 * buffered (keeping memory flat however long the file or its problem list).
 */
export interface ValidationSink {
  /** `cells` are the row's cells as read, kept so the error report can repeat the row. */
  problem(problem: Problem, cells?: string[]): void;
  /** A row that passed every check, normalised, in the order it will be applied. */
  planRow?(fields: string[]): void;
  drain?(): Promise<void>;
}

export interface ValidationSummary {
  header: string[];
  /** Data rows read (comment and blank lines excluded). */
  rowsTotal: number;
  /** Rows that will be applied (valid rows; repeated rows only once). */
  rowsValid: number;
  /** Rows with at least one error. */
  rowsInvalid: number;
  errorCount: number;
  warningCount: number;
  /** Distinct groups named in the file. */
  groupCount: number;
}

/** Counts problems by severity on their way to the real sink. */
export class CountingSink implements ValidationSink {
  errorCount = 0;
  warningCount = 0;
  private readonly errorLines = new Set<number>();
  constructor(private readonly inner: ValidationSink) {}
  problem(found: Problem, cells?: string[]): void {
    if (found.severity === 'error') {
      this.errorCount++;
      if (found.line !== null && cells) this.errorLines.add(found.line);
    } else if (found.severity === 'warning') this.warningCount++;
    this.inner.problem(found, cells);
  }
  /** Rows (by line) that had at least one error. */
  get rowsInvalid(): number {
    return this.errorLines.size;
  }
  planRow(fields: string[]): void {
    this.inner.planRow?.(fields);
  }
  async drain(): Promise<void> {
    await this.inner.drain?.();
  }
}

/** How often (in rows) validation lets the sink write out what it buffered. */
export const DRAIN_EVERY_ROWS = 2000;

/** Plan rows are tab-separated; values are normalised so they never hold tabs or line breaks. */
export const planField = (value: string): string => value.replace(/[\t\r\n]+/g, ' ');
