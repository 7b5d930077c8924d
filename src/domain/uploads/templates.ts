import type { MessageId } from '../../i18n/catalogue';
import { DEFAULT_LOCALE } from '../../i18n/locales';
import { type Translator, translatorFor } from '../../i18n/translator';
import { GROUP_NAME_MAX_LENGTH } from '../groups/group';
import { EMPLOYEE_ID_MAX_LENGTH } from '../people/account-hints';
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

/** How many instruction lines each template opens with (`print.csvTemplate.<kind>.intro<N>`). */
const introLines: Record<UploadKind, { key: string; count: number }> = {
  'user-group-mapping': { key: 'userGroup', count: 4 },
  'parent-group-mapping': { key: 'parentGroup', count: 3 },
};

/**
 * The downloadable template for a kind: UTF-8 with a BOM (so Excel shows names right), instruction
 * lines starting with # in the translator's language, the header and two example rows. The header
 * stays in English in every language: it is what an upload is read by.
 */
export function csvTemplate(kind: UploadKind, t: Translator = translatorFor(DEFAULT_LOCALE)): string {
  const columns: readonly ColumnSpec[] =
    kind === 'user-group-mapping' ? userGroupColumns : parentGroupColumns;
  const intro = introLines[kind];
  const lines = [
    ...Array.from({ length: intro.count }, (_, i) =>
      t.t(`print.csvTemplate.${intro.key}.intro${i + 1}` as MessageId, {
        maxLength: GROUP_NAME_MAX_LENGTH,
      }),
    ).map((text) => `# ${text}`),
    ...columns.map(
      (c) =>
        `# ${t.t('print.csvTemplate.column', {
          label: c.label,
          required: c.required ? 'yes' : 'no',
          meaning: t.t(`print.csvTemplate.meaning.${c.key}` as MessageId, {
            maxLength:
              c.key === 'employeeId'
                ? EMPLOYEE_ID_MAX_LENGTH
                : c.key === 'group'
                  ? GROUP_NAME_MAX_LENGTH
                  : 254,
          }),
        })}`,
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
