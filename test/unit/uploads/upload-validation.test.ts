import { createReadStream } from 'node:fs';
import path from 'node:path';
import { groupNameKey } from '../../../src/domain/groups/group';
import type { KnownGroups } from '../../../src/domain/uploads/parent-group-validator';
import type { UploadKind } from '../../../src/domain/uploads/upload';
import type { Problem } from '../../../src/domain/uploads/upload-problem';
import { validateCsv } from '../../../src/domain/uploads/validate-csv';

const fixture = (name: string) => path.join(__dirname, '../../fixtures/csv', name);

/** The organisation as the parent mapping fixtures assume it: All Employees › Sales › Sales (East), Support, Ops. */
const organisation: KnownGroups = {
  organisation: new Map(
    [
      ['All Employees', null],
      ['Sales', 'All Employees'],
      ['Sales (East)', 'Sales'],
      ['Support', null],
      ['Ops', null],
    ].map(([name, parent]) => [
      groupNameKey(name!),
      { name: name!, parentKey: parent ? groupNameKey(parent) : null },
    ]),
  ),
  companion: new Set(),
};

async function validate(name: string, kind: UploadKind, knownGroups = organisation) {
  const problems: Problem[] = [];
  const plan: string[][] = [];
  const summary = await validateCsv(
    createReadStream(fixture(name), { highWaterMark: 7 }), // tiny chunks: multi-byte characters straddle them
    { kind, defaultRegion: 'IN', knownGroups },
    { problem: (p) => problems.push(p), planRow: (row) => plan.push(row) },
  );
  return { summary, problems, plan };
}

const found = (problems: Problem[]) => problems.map((p) => [p.line, p.code, p.severity]);

describe('validating User Group Mapping files', () => {
  test.each([
    ['ugm-empty.csv', [[null, 'CSV_FILE_EMPTY', 'error']]],
    ['ugm-header-only.csv', [[null, 'CSV_NO_ROWS', 'error']]],
    [
      'ugm-missing-column.csv',
      [
        [1, 'CSV_UNKNOWN_COLUMN', 'warning'],
        [1, 'CSV_MISSING_COLUMN', 'error'],
      ],
    ],
    ['ugm-unknown-column.csv', [[1, 'CSV_UNKNOWN_COLUMN', 'warning']]],
    ['ugm-unclosed-quote.csv', [[3, 'CSV_MALFORMED', 'error']]],
    ['ugm-windows-1252.csv', [[null, 'CSV_ENCODING_UNSUPPORTED', 'error']]],
    ['ugm-utf16-no-bom.csv', [[null, 'CSV_NOT_TEXT', 'error']]],
    ['ugm-workbook.xlsx', [[null, 'CSV_IS_SPREADSHEET', 'error']]],
    [
      'ugm-row-problems.csv',
      [
        [2, 'PHONE_INVALID', 'error'],
        [3, 'CSV_UNKNOWN_USER_TYPE', 'error'],
        [4, 'CSV_UNKNOWN_ACTION', 'error'],
        [5, 'GROUP_NAME_EMPTY', 'error'],
        [6, 'GROUP_NAME_TOO_LONG', 'error'],
        [7, 'REGION_INVALID', 'error'],
        [8, 'PHONE_INVALID', 'error'],
        [10, 'CSV_CONFLICTING_ROLE', 'error'],
        [11, 'CSV_DUPLICATE_ROW', 'warning'],
        [13, 'CSV_CONFLICTING_ACTION', 'error'],
      ],
    ],
  ])('when the file is %s, then exactly these problems are reported', async (name, expected) => {
    const { problems } = await validate(name, 'user-group-mapping');
    expect(found(problems)).toEqual(expected);
  });

  test('when a file uses BOM, CRLF, quoted commas and line breaks, Unicode names and trailing blank rows, then every row is read right', async () => {
    const { summary, problems, plan } = await validate('ugm-well-formed.csv', 'user-group-mapping');
    expect(problems).toEqual([]);
    expect(summary).toMatchObject({ rowsTotal: 4, rowsValid: 4, errorCount: 0, groupCount: 4 });
    expect(plan).toEqual([
      ['3', 'Sales, East', '+919876543210', 'admin', 'add', 'Rao, Asha', 'asha@contoso.com', ''],
      ['4', 'Night shift', '+919876543211', 'member', 'add', 'Ben', '', ''],
      ['6', 'விற்பனை – சென்னை', '+919876543212', 'member', 'add', 'Chitra "CJ" J', '', ''],
      ['7', 'Café Zürich', '+41446681800', 'member', 'add', '', '', ''],
    ]);
  });

  test.each([
    ['ugm-utf16le-tabs.txt', 2],
    ['ugm-utf16be.csv', 1],
  ])('when the file is UTF-16 with a byte order mark (%s), then its rows are read', async (name, rows) => {
    const { summary, problems, plan } = await validate(name, 'user-group-mapping');
    expect(problems).toEqual([]);
    expect(summary.rowsValid).toBe(rows);
    expect(plan[0]).toEqual(['2', 'Αθήνα Sales', '+302101234567', 'admin', 'add', '', '', '']);
  });

  test('when rows give an e-mail address and an employee ID, then valid ones go to the plan and bad ones are warned about at their line and column, and ignored', async () => {
    const { summary, problems, plan } = await validate('ugm-account-hints.csv', 'user-group-mapping');
    expect(problems.map((p) => [p.line, p.column, p.code, p.severity])).toEqual([
      [3, 'Email', 'CSV_EMAIL_INVALID', 'warning'],
      [4, 'Employee ID', 'CSV_EMPLOYEE_ID_INVALID', 'warning'],
      [5, 'Employee ID', 'CSV_EMPLOYEE_ID_INVALID', 'warning'],
    ]);
    expect(problems[1]!.message).toBe('An employee ID can be at most 64 characters; this one is ignored.');
    expect(problems[2]!.message).toContain('not printable');
    expect(summary).toMatchObject({ rowsTotal: 5, rowsValid: 5, errorCount: 0 });
    expect(plan.map((row) => row.slice(5))).toEqual([
      ['Asha', 'asha.rao@contoso.com', 'E-10442'],
      ['Ben', '', 'E-2'],
      ['Chitra', '', ''],
      ['Dev', 'dev@contoso.com', ''],
      ['Esi', '', 'வ-42'],
    ]);
  });

  test('when a phone number is invalid, then the message says which region was used', async () => {
    const { problems } = await validate('ugm-row-problems.csv', 'user-group-mapping');
    const phone = problems.find((p) => p.line === 2)!;
    expect(phone).toMatchObject({ column: 'Phone Number', details: { region: 'IN', input: '12345' } });
    expect(phone.message).toContain('region IN');
    expect(problems.find((p) => p.line === 7)!.column).toBe('Region');
  });
});

describe('validating Parent Group Mapping files', () => {
  test('when the file is well formed and every group exists, then its rows make the plan', async () => {
    const { problems, plan } = await validate('pgm-well-formed.csv', 'parent-group-mapping');
    expect(problems).toEqual([]);
    expect(plan).toEqual([
      ['2', 'All Employees', 'Sales'],
      ['3', 'Sales', 'Sales (East)'],
    ]);
  });

  test('when groups are unknown, self-parented, given two parents, repeated or looping, then each is reported on its line', async () => {
    const { problems, plan } = await validate('pgm-problems.csv', 'parent-group-mapping');
    expect(found(problems)).toEqual([
      [3, 'CSV_UNKNOWN_GROUP', 'error'],
      [4, 'CSV_SELF_PARENT', 'error'],
      [5, 'CSV_CHILD_HAS_TWO_PARENTS', 'error'],
      [6, 'CSV_DUPLICATE_ROW', 'warning'],
      [7, 'CSV_HIERARCHY_CYCLE', 'error'],
      [8, 'CSV_HIERARCHY_CYCLE', 'error'],
    ]);
    expect(problems.find((p) => p.line === 7)!.details).toEqual({
      groups: ['Ops', 'Support', 'Ops'],
      lines: [7, 8],
    });
    expect(plan).toEqual([['2', 'All Employees', 'Sales']]);
  });

  test('when a row closes a loop through the existing hierarchy, then the loop is spelled out', async () => {
    const { problems } = await validate('pgm-cycle-with-existing.csv', 'parent-group-mapping');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 2, code: 'CSV_HIERARCHY_CYCLE' });
    expect(problems[0]!.details!.groups).toEqual(['All Employees', 'Sales', 'Sales (East)', 'All Employees']);
  });

  test('when a group exists only in the companion user mapping upload, then it is known', async () => {
    const known: KnownGroups = {
      organisation: new Map(),
      companion: new Set(['all employees', 'sales', 'sales (east)']),
    };
    const { problems } = await validate('pgm-well-formed.csv', 'parent-group-mapping', known);
    expect(problems).toEqual([]);
  });
});
