import { EMPLOYEE_ID_MAX_LENGTH } from '../people/account-hints';
import { type Problem, problem, problemCodes } from './upload-problem';

/** A column a template defines; `key` is how the code refers to it, `label` how the file names it. */
export interface ColumnSpec<K extends string = string> {
  key: K;
  label: string;
  required: boolean;
  meaning: string;
}

export const userGroupColumns = [
  {
    key: 'group',
    label: 'Group Name',
    required: true,
    meaning: 'the group; a group that does not exist yet is created (at most 100 characters)',
  },
  {
    key: 'phone',
    label: 'Phone Number',
    required: true,
    meaning: 'with country code (+91 98765 43210) or as dialled in the region',
  },
  { key: 'userType', label: 'User Type', required: true, meaning: 'Admin or Member' },
  { key: 'name', label: 'Name', required: false, meaning: 'optional: the person’s name' },
  {
    key: 'email',
    label: 'Email',
    required: false,
    meaning:
      'optional: their work e-mail address or sign-in name; helps match their Microsoft 365 account (at most 254 characters)',
  },
  {
    key: 'employeeId',
    label: 'Employee ID',
    required: false,
    meaning: `optional: their employee ID, matched to the employee ID on their Microsoft 365 account (at most ${EMPLOYEE_ID_MAX_LENGTH} characters)`,
  },
  {
    key: 'region',
    label: 'Region',
    required: false,
    meaning: 'optional: two-letter country code (IN, GB, US…) for this number; overrides the upload’s region',
  },
  { key: 'action', label: 'Action', required: false, meaning: 'optional: Add (the default) or Remove' },
] as const satisfies readonly ColumnSpec[];

export const parentGroupColumns = [
  { key: 'parent', label: 'Parent Group Name', required: true, meaning: 'the group above' },
  {
    key: 'child',
    label: 'Child Group Name',
    required: true,
    meaning: 'the group below it; a group has at most one parent',
  },
] as const satisfies readonly ColumnSpec[];

/** Where each known column sits in the file (-1 when absent), and the header as written. */
export interface ColumnMap<K extends string> {
  index: Record<K, number>;
  header: string[];
}

const headerKey = (cell: string): string =>
  cell
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();

/**
 * Matches a header row against a template's columns, case-insensitively and ignoring surrounding
 * spaces. Unknown columns are a warning (people add notes columns); a missing required column is an
 * error naming it. Returns undefined when the file cannot be read because of the header.
 */
export function matchColumns<K extends string>(
  specs: readonly ColumnSpec<K>[],
  line: number,
  cells: string[],
  report: (problem: Problem) => void,
): ColumnMap<K> | undefined {
  const index = Object.fromEntries(specs.map((spec) => [spec.key, -1])) as Record<K, number>;
  const byLabel = new Map(specs.map((spec) => [spec.label.toLowerCase(), spec]));
  let ok = true;
  cells.forEach((cell, at) => {
    const key = headerKey(cell);
    if (key === '') return;
    const spec = byLabel.get(key);
    if (!spec) {
      report(
        problem(
          line,
          cell.trim(),
          problemCodes.unknownColumn,
          'warning',
          `Column "${cell.trim()}" is not part of the template and is ignored.`,
        ),
      );
      return;
    }
    if (index[spec.key] >= 0) {
      ok = false;
      report(
        problem(
          line,
          spec.label,
          problemCodes.duplicateColumn,
          'error',
          `Column "${spec.label}" appears twice in the header; keep one.`,
        ),
      );
      return;
    }
    index[spec.key] = at;
  });
  for (const spec of specs) {
    if (spec.required && index[spec.key] < 0) {
      ok = false;
      report(
        problem(
          line,
          spec.label,
          problemCodes.missingColumn,
          'error',
          `The header has no "${spec.label}" column (${spec.meaning}). Expected columns: ${specs.map((s) => s.label).join(', ')}.`,
          {
            expected: specs.map((s) => s.label),
            found: cells.map((c) => c.trim()),
          },
        ),
      );
    }
  }
  return ok ? { index, header: cells.map((cell) => cell.replace(/^\uFEFF/, '').trim()) } : undefined;
}
