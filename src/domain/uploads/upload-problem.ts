/** How bad a problem is: errors stop a file from being applied, warnings do not. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * One thing wrong with (or worth saying about) a file, at a line and column. The same objects are
 * returned by the API, printed by the CLI with --json, and kept in the job log.
 */
export interface Problem {
  /** 1-based line in the file where the row starts; null for the file as a whole. */
  line: number | null;
  /** The column's header as written in the file, when one column is at fault. */
  column: string | null;
  code: string;
  severity: Severity;
  message: string;
  details?: Record<string, unknown>;
}

/** Problem codes of their own (row rules reuse the domain's codes such as PHONE_INVALID). */
export const problemCodes = {
  fileEmpty: 'CSV_FILE_EMPTY',
  noRows: 'CSV_NO_ROWS',
  notText: 'CSV_NOT_TEXT',
  encoding: 'CSV_ENCODING_UNSUPPORTED',
  spreadsheet: 'CSV_IS_SPREADSHEET',
  malformed: 'CSV_MALFORMED',
  tooLarge: 'UPLOAD_TOO_LARGE',
  missingColumn: 'CSV_MISSING_COLUMN',
  unknownColumn: 'CSV_UNKNOWN_COLUMN',
  duplicateColumn: 'CSV_DUPLICATE_COLUMN',
  extraCells: 'CSV_EXTRA_CELLS',
  unknownUserType: 'CSV_UNKNOWN_USER_TYPE',
  unknownAction: 'CSV_UNKNOWN_ACTION',
  emailInvalid: 'CSV_EMAIL_INVALID',
  employeeIdInvalid: 'CSV_EMPLOYEE_ID_INVALID',
  nameTooLong: 'CSV_NAME_TOO_LONG',
  conflictingRole: 'CSV_CONFLICTING_ROLE',
  conflictingAction: 'CSV_CONFLICTING_ACTION',
  duplicateRow: 'CSV_DUPLICATE_ROW',
  unknownGroup: 'CSV_UNKNOWN_GROUP',
  twoParents: 'CSV_CHILD_HAS_TWO_PARENTS',
  selfParent: 'CSV_SELF_PARENT',
  cycle: 'CSV_HIERARCHY_CYCLE',
  outsideOrganisation: 'CSV_GROUP_NOT_IN_ORGANISATION',
  tooManyProblems: 'CSV_TOO_MANY_PROBLEMS',
} as const;

export const problem = (
  line: number | null,
  column: string | null,
  code: string,
  severity: Severity,
  message: string,
  details?: Record<string, unknown>,
): Problem =>
  details ? { line, column, code, severity, message, details } : { line, column, code, severity, message };
