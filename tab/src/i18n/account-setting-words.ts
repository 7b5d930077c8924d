import type { IntlShape } from 'react-intl';
import type { SettingsCheckItem } from '../../../src/domain/accounts/account-creator.port';
import { leftToRightIn } from '../components/left-to-right';

/** Details that are identifiers (permission names, domains, group ids): left to right in any language. */
const identifiers = new Set(['permission', 'domain', 'groupId']);

const has = (intl: IntlShape, id: string): boolean => Object.hasOwn(intl.messages, id);

function valuesOf(details: Record<string, unknown>, intl: IntlShape): Record<string, string | number> {
  const ltr = leftToRightIn(intl);
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(details)) {
    if (Array.isArray(value)) values[name] = intl.formatList(value.map((v) => ltr(String(v))));
    else if (typeof value === 'string') values[name] = identifiers.has(name) ? ltr(value) : value;
    else if (typeof value === 'number') values[name] = value;
  }
  return values;
}

/**
 * What the Check looked at and what it found, in the reader's language: by the item's id
 * (`tab-org-admins.check.label.<subject>`) and code (`tab-org-admins.check.<CODE>`), filled from its
 * details; the server's English stays for anything the catalogue lacks.
 */
export function checkItemWords(item: SettingsCheckItem, intl: IntlShape): { label: string; detail: string } {
  const values = valuesOf(item.details ?? {}, intl);
  const subject = item.id.split(':')[0]!;
  const labelId = `tab-org-admins.check.label.${subject}`;
  const detailId = `tab-org-admins.check.${item.code}`;
  return {
    label: has(intl, labelId) ? intl.formatMessage({ id: labelId }, values) : item.label,
    detail: item.code && has(intl, detailId) ? intl.formatMessage({ id: detailId }, values) : item.detail,
  };
}

/** Why the app needs a Graph permission (`tab-org-admins.graph.<permission>`), else the server's English. */
export const permissionWhy = (permission: { permission: string; why: string }, intl: IntlShape): string => {
  const id = `tab-org-admins.graph.${permission.permission}`;
  return has(intl, id) ? intl.formatMessage({ id }) : permission.why;
};

/** An Entra setting account creation needs (`tab-org-admins.entra.<CODE>`), else the server's English. */
export const entraSettingWords = (code: string | undefined, english: string, intl: IntlShape): string => {
  const id = `tab-org-admins.entra.${code}`;
  return code && has(intl, id) ? intl.formatMessage({ id }) : english;
};

/** Why one person's account was skipped or failed (`tab-people.createAccounts.reason.<CODE>`), or null. */
export const accountReasonWords = (code: string, intl: IntlShape): string | null => {
  const id = `tab-people.createAccounts.reason.${code}`;
  return has(intl, id) ? intl.formatMessage({ id }) : null;
};
