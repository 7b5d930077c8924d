import { groupNameKey, normaliseGroupName } from '../groups/group';
import type { GroupNameEmpty, GroupNameTooLong } from '../groups/group.errors';
import { EMAIL_MAX_LENGTH, EMPLOYEE_ID_MAX_LENGTH, readEmail, readEmployeeId } from '../people/account-hints';
import { RegionInvalid } from '../people/phone.errors';
import { parseRegion, type Region } from '../people/phone-number';
import { DomainError } from '../shared/domain-error';
import { type ColumnMap, matchColumns, userGroupColumns } from './csv-columns';
import type { CsvRecord } from './csv-records';
import { MemberKeys } from './member-keys';
import { inProcessPhoneChecker, type PhoneBatchChecker, phoneRefusal } from './phone-batch-checker';
import { PhonePipeline } from './phone-pipeline';
import { type Problem, problem, problemCodes } from './upload-problem';
import { type CountingSink, planField } from './validation';

type Column = (typeof userGroupColumns)[number]['key'];

/** The longest display name kept; longer ones are most likely a pasted paragraph. */
export const PERSON_NAME_MAX_LENGTH = 256;

/** A normalised User Group Mapping row as the plan file stores it. */
export interface UserGroupPlanRow {
  line: number;
  group: string;
  phone: string;
  role: 'admin' | 'member';
  action: 'add' | 'remove';
  name: string;
  /** Lower case; empty when not given. */
  email: string;
  /** Empty when not given. */
  employeeId: string;
}

export const toUserGroupPlanFields = (row: UserGroupPlanRow): string[] => [
  String(row.line),
  row.group,
  row.phone,
  row.role,
  row.action,
  planField(row.name),
  planField(row.email),
  planField(row.employeeId),
];

export function fromUserGroupPlanFields(fields: string[]): UserGroupPlanRow {
  return {
    line: Number(fields[0]),
    group: fields[1] ?? '',
    phone: fields[2] ?? '',
    role: fields[3] === 'admin' ? 'admin' : 'member',
    action: fields[4] === 'remove' ? 'remove' : 'add',
    name: fields[5] ?? '',
    email: fields[6] ?? '',
    // Plans written before the column existed have no eighth field.
    employeeId: fields[7] ?? '',
  };
}

type GroupEntry = { name: string; index: number } | { error: GroupNameEmpty | GroupNameTooLong };

/** A row read and checked but for its phone number, waiting for the number's verdict. */
interface PendingRow {
  line: number;
  cells: string[];
  /** What the row reported so far, in order; the phone's problem belongs at `phoneSlot`. */
  problems: Array<[Problem, string[] | undefined]> | undefined;
  phoneSlot: number;
  failed: boolean;
  group: GroupEntry;
  rawPhone: string;
  region: Region;
  role: 'admin' | 'member';
  action: 'add' | 'remove';
  name: string;
  email: string;
  employeeId: string;
}

/**
 * Validates a User Group Mapping file row by row as it streams. Phone numbers are checked a batch
 * at a time by `phones` while the file is read on (see PhonePipeline); rows finish in file order.
 * Cross-row checks (the same person twice in a group) keep one compact entry per row in a typed-array
 * hash table (MemberKeys): the group's index and the phone as a number, with the line, role and
 * action packed into one integer, so a million rows take about 40 MB.
 */
export async function validateUserGroupRecords(
  readRecords: (onProblem: (found: Problem) => void) => AsyncIterable<CsvRecord>,
  defaultRegion: Region,
  sink: CountingSink,
  phones: PhoneBatchChecker = inProcessPhoneChecker,
): Promise<{ header: string[]; rowsTotal: number; rowsValid: number; groupCount: number }> {
  let columns: ColumnMap<Column> | undefined;
  let header: string[] = [];
  let headerSeen = false;
  let rowsTotal = 0;
  let rowsValid = 0;
  const groups = new Map<string, GroupEntry>();
  const groupsByKey = new Map<string, number>();
  const members = new MemberKeys();
  const regions = new Map<string, Region | RegionInvalid>();

  // The row being checked; the helpers below are made once, not per row (a million rows add up).
  let row = {} as PendingRow;
  let cells: string[] = [];
  let at = {} as Record<Column, number>;
  const blank = (value: string) => value.trim() === '';
  const cell = (key: Column): string => (at[key] >= 0 ? (cells[at[key]] ?? '') : '');
  const label = (key: Column): string => columns!.header[at[key]] ?? key;
  const note = (found: Problem, cells?: string[]) => {
    row.problems ??= [];
    row.problems.push([found, cells]);
  };
  const fail = (column: Column | null, code: string, message: string, details?: Record<string, unknown>) => {
    row.failed = true;
    note(problem(row.line, column ? label(column) : null, code, 'error', message, details), row.cells);
  };
  const failWith = (column: Column, error: DomainError) =>
    fail(column, error.code, error.message, error.details);

  const groupEntry = (rawGroup: string): GroupEntry => {
    let group = groups.get(rawGroup);
    if (group) return group;
    try {
      const name = normaliseGroupName(rawGroup);
      const key = groupNameKey(name);
      let index = groupsByKey.get(key);
      if (index === undefined) {
        index = groupsByKey.size;
        groupsByKey.set(key, index);
      }
      group = { name, index };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      group = { error: error as GroupNameEmpty | GroupNameTooLong };
    }
    groups.set(rawGroup, group);
    return group;
  };

  const pipeline = new PhonePipeline<PendingRow>({
    checker: phones,
    report: (found, cells) => sink.problem(found, cells),
    drain: () => sink.drain(),
    finish(pending, verdict) {
      row = pending;
      const refusal = verdict === undefined ? undefined : phoneRefusal(row.rawPhone, row.region, verdict);
      const found = row.problems;
      if (found || refusal) {
        const slot = found ? row.phoneSlot : 0;
        for (let i = 0; i < slot; i++) sink.problem(found![i]![0], found![i]![1]);
        if (refusal) {
          row.failed = true;
          sink.problem(
            problem(row.line, label('phone'), refusal.code, 'error', refusal.message, refusal.details),
            row.cells,
          );
        }
        for (let i = slot; i < (found?.length ?? 0); i++) sink.problem(found![i]![0], found![i]![1]);
        row.problems = undefined;
      }
      if (row.failed || 'error' in row.group || verdict === undefined) return;
      if (checkRepeat(row, verdict)) rowsValid++;
    },
  });

  /** The cross-row check; true when the row goes to the plan. */
  const checkRepeat = (pending: PendingRow, phone: string): boolean => {
    const group = pending.group as { name: string; index: number };
    const { line, role, action } = pending;
    // Fits 32 bits: UPLOAD_MAX_MB's ceiling (2 GB) allows fewer than 400 million lines.
    const packed = line * 4 + (role === 'admin' ? 2 : 0) + (action === 'remove' ? 1 : 0);
    const phoneKey = Number(phone.slice(1));
    const earlier = members.get(group.index, phoneKey);
    if (earlier !== undefined) {
      const earlierLine = Math.floor(earlier / 4);
      const earlierRole = earlier & 2 ? 'Admin' : 'Member';
      const earlierAction = earlier & 1 ? 'Remove' : 'Add';
      if (earlier % 4 === packed % 4) {
        sink.problem(
          problem(
            line,
            null,
            problemCodes.duplicateRow,
            'warning',
            `Repeats line ${earlierLine} (${phone} in "${group.name}"); it is applied once.`,
            { firstLine: earlierLine, phone, group: group.name },
          ),
        );
      } else if ((earlier & 1) !== (packed & 1)) {
        sink.problem(
          problem(
            line,
            null,
            problemCodes.conflictingAction,
            'error',
            `${phone} is to be ${earlierAction === 'Add' ? 'added to' : 'removed from'} "${group.name}" on line ${earlierLine} but ${action === 'add' ? 'added' : 'removed'} here; keep one of the two rows.`,
            { firstLine: earlierLine, phone, group: group.name, action },
          ),
          pending.cells,
        );
      } else {
        sink.problem(
          problem(
            line,
            label('userType'),
            problemCodes.conflictingRole,
            'error',
            `${phone} is in "${group.name}" as ${earlierRole} on line ${earlierLine} and as ${role === 'admin' ? 'Admin' : 'Member'} here; a person has one role in a group.`,
            { firstLine: earlierLine, phone, group: group.name, role },
          ),
          pending.cells,
        );
      }
      return false;
    }
    members.set(group.index, phoneKey, packed);
    sink.planRow(
      toUserGroupPlanFields({
        line,
        group: group.name,
        phone,
        role,
        action,
        name: pending.name,
        email: pending.email,
        employeeId: pending.employeeId,
      }),
    );
    return true;
  };

  try {
    for await (const record of readRecords((found) => pipeline.problem(found))) {
      cells = record.cells;
      if (!headerSeen) {
        headerSeen = true;
        header = cells.map((cell) => cell.trim());
        columns = matchColumns(userGroupColumns, record.line, cells, (p) => pipeline.problem(p));
        if (!columns) break;
        at = columns.index;
        continue;
      }
      if (cells.every(blank)) continue; // ",,," rows that spreadsheets leave behind
      rowsTotal++;
      row = {
        line: record.line,
        cells,
        problems: undefined,
        phoneSlot: 0,
        failed: false,
        group: groupEntry(cell('group')),
        rawPhone: cell('phone'),
        region: defaultRegion,
        role: 'member',
        action: 'add',
        name: '',
        email: '',
        employeeId: '',
      };
      if ('error' in row.group) failWith('group', row.group.error);

      const rawRegion = cell('region').trim();
      let region: Region | RegionInvalid = defaultRegion;
      if (rawRegion !== '') {
        region = regions.get(rawRegion) ?? readRegion(rawRegion);
        regions.set(rawRegion, region);
      }
      if (region instanceof RegionInvalid) failWith('region', region);
      else row.region = region;
      row.phoneSlot = row.problems?.length ?? 0;

      const userType = cell('userType').trim().toLowerCase();
      if (userType !== 'admin' && userType !== 'member') {
        fail(
          'userType',
          problemCodes.unknownUserType,
          `User Type "${cell('userType').trim()}" is not one of Admin, Member.`,
          { value: cell('userType').trim(), allowed: ['Admin', 'Member'] },
        );
      } else row.role = userType;
      const action = cell('action').trim().toLowerCase() || 'add';
      if (action !== 'add' && action !== 'remove') {
        fail(
          'action',
          problemCodes.unknownAction,
          `Action "${cell('action').trim()}" is not one of Add, Remove (empty means Add).`,
          { value: cell('action').trim(), allowed: ['Add', 'Remove'] },
        );
      } else row.action = action;
      const email = readEmail(cell('email'));
      if (email !== null && typeof email === 'object') {
        note(
          problem(
            row.line,
            label('email'),
            problemCodes.emailInvalid,
            'warning',
            email.refused === 'too-long'
              ? `An email address can be at most ${EMAIL_MAX_LENGTH} characters; this one is ignored.`
              : `"${cell('email').trim()}" does not look like an email address; it is ignored.`,
            { reason: email.refused, max: EMAIL_MAX_LENGTH, value: cell('email').trim() },
          ),
        );
      } else row.email = email ?? '';
      const employeeId = readEmployeeId(cell('employeeId'));
      if (employeeId !== null && typeof employeeId === 'object') {
        note(
          problem(
            row.line,
            label('employeeId'),
            problemCodes.employeeIdInvalid,
            'warning',
            employeeId.refused === 'too-long'
              ? `An employee ID can be at most ${EMPLOYEE_ID_MAX_LENGTH} characters; this one is ignored.`
              : 'The employee ID holds characters that are not printable (tabs, control characters); it is ignored.',
            { max: EMPLOYEE_ID_MAX_LENGTH, reason: employeeId.refused },
          ),
        );
      } else row.employeeId = employeeId ?? '';
      row.name = cell('name').replace(/\s+/g, ' ').trim();
      if ([...row.name].length > PERSON_NAME_MAX_LENGTH) {
        fail(
          'name',
          problemCodes.nameTooLong,
          `A name can be at most ${PERSON_NAME_MAX_LENGTH} characters.`,
          {
            max: PERSON_NAME_MAX_LENGTH,
          },
        );
      }
      await pipeline.add(
        row,
        region instanceof RegionInvalid ? undefined : { input: row.rawPhone, region: row.region },
      );
    }
  } finally {
    // Rows read before the file turned out unreadable still report their problems, in order.
    await pipeline.end();
    // Every row has been checked against the others: the table's memory can go back now.
    members.release();
  }

  if (!headerSeen) {
    sink.problem(
      problem(
        null,
        null,
        problemCodes.fileEmpty,
        'error',
        'The file is empty: download the template, fill in one row per person and upload it.',
        { kind: 'user-group' },
      ),
    );
  } else if (columns && rowsTotal === 0) {
    sink.problem(
      problem(
        null,
        null,
        problemCodes.noRows,
        'error',
        'The file has a header but no rows: add one row per person.',
        { kind: 'user-group' },
      ),
    );
  }
  return { header, rowsTotal, rowsValid, groupCount: groupsByKey.size };
}

function readRegion(raw: string): Region | RegionInvalid {
  try {
    return parseRegion(raw);
  } catch (error) {
    if (error instanceof RegionInvalid) return error;
    throw error;
  }
}
