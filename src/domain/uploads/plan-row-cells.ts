import { parentGroupColumns, userGroupColumns } from './csv-columns';
import type { ParentGroupPlanRow } from './parent-group-validator';
import type { Upload } from './upload';
import type { UserGroupPlanRow } from './user-group-validator';

const label = (cell: string): string => cell.trim().replace(/\s+/g, ' ').toLowerCase();
const userGroupLabel = (key: (typeof userGroupColumns)[number]['key']): string =>
  label(userGroupColumns.find((c) => c.key === key)!.label);
const capital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * A plan row written back under the file's own header, for the error report: the same columns as
 * the original (in its order), with the values as applied (phone numbers in E.164).
 */
export function planRowCells(
  upload: Pick<Upload, 'header'>,
  row: UserGroupPlanRow | ParentGroupPlanRow,
): string[] {
  const values: Record<string, string> =
    'phone' in row
      ? {
          [userGroupLabel('group')]: row.group,
          [userGroupLabel('phone')]: row.phone,
          [userGroupLabel('userType')]: capital(row.role),
          [userGroupLabel('name')]: row.name,
          [userGroupLabel('email')]: row.email,
          [userGroupLabel('employeeId')]: row.employeeId,
          [userGroupLabel('action')]: capital(row.action),
        }
      : { [label(parentGroupColumns[0].label)]: row.parent, [label(parentGroupColumns[1].label)]: row.child };
  return upload.header.map((cell) => values[label(cell)] ?? '');
}
