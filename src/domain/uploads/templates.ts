import { GROUP_NAME_MAX_LENGTH } from '../groups/group';
import { type ColumnSpec, parentGroupColumns, userGroupColumns } from './csv-columns';
import { csvField } from './error-report';
import type { UploadKind } from './upload';

const examples: Record<UploadKind, string[][]> = {
  'user-group-mapping': [
    [
      'Contoso – Sales (East)',
      '+91 98765 43210',
      'Admin',
      'Asha Rao',
      'asha.rao@contoso.com',
      'E-10442',
      'IN',
      'Add',
    ],
    ['Contoso – Sales (East)', '020 7946 0958', 'Member', 'Ben Carter', '', '', 'GB', ''],
  ],
  'parent-group-mapping': [
    ['Contoso – All Employees', 'Contoso – Sales'],
    ['Contoso – Sales', 'Contoso – Sales (East)'],
  ],
};

const intro: Record<UploadKind, string[]> = {
  'user-group-mapping': [
    'Convene User Group Mapping: one row per person per group. Lines starting with # are instructions and are ignored.',
    'Save as "CSV UTF-8" (or "Unicode Text"). Many groups can share one file. Re-uploading the same file changes nothing.',
    `A person listed twice in a group must have the same User Type. Group names: at most ${GROUP_NAME_MAX_LENGTH} characters; case does not matter.`,
    'Email and Employee ID help Convene find the Microsoft 365 account a person already has; a value their account gives is never overwritten.',
  ],
  'parent-group-mapping': [
    'Convene Parent Group Mapping: one row per child group. Lines starting with # are instructions and are ignored.',
    'Both groups must exist in your organisation (or be created by the User Group Mapping file uploaded with this one).',
    'A group has at most one parent, cannot be its own parent, and the hierarchy cannot loop.',
  ],
};

/**
 * The downloadable template for a kind: UTF-8 with a BOM (so Excel shows names right), instruction
 * lines starting with #, the header and two example rows.
 */
export function csvTemplate(kind: UploadKind): string {
  const columns: readonly ColumnSpec[] =
    kind === 'user-group-mapping' ? userGroupColumns : parentGroupColumns;
  const lines = [
    ...intro[kind].map((text) => `# ${text}`),
    ...columns.map(
      (c) =>
        `# ${c.label} (${c.required ? 'required' : 'optional'}): ${c.meaning.replace(/^optional: /, '')}`,
    ),
    columns.map((c) => csvField(c.label)).join(','),
    ...examples[kind].map((row) => row.map(csvField).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export const templateFileNames: Record<UploadKind, string> = {
  'user-group-mapping': 'user-group-mapping.csv',
  'parent-group-mapping': 'parent-group-mapping.csv',
};
