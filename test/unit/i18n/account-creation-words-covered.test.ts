import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  requiredEntraSettingCodes,
  requiredEntraSettings,
  requiredGraphPermissions,
} from '../../../src/domain/accounts/account-creation-settings';
import { settingsCheckCodes } from '../../../src/domain/accounts/account-creator.port';
import ar from '../../../src/i18n/messages/ar/tab-org-admins.json';
import arPeople from '../../../src/i18n/messages/ar/tab-people.json';
import en from '../../../src/i18n/messages/en/tab-org-admins.json';
import enPeople from '../../../src/i18n/messages/en/tab-people.json';
import hi from '../../../src/i18n/messages/hi/tab-org-admins.json';
import hiPeople from '../../../src/i18n/messages/hi/tab-people.json';

/**
 * Account creation's settings panel and report speak the reader's language: every finding Check can
 * report, every subject it looks at, every Graph permission and Entra setting it asks for, and every
 * reason a person's account is skipped or fails has words in each language. Codes are read from the
 * source, so a new one without words fails here.
 */
const repository = path.join(__dirname, '../../..');
const read = (file: string) => readFileSync(path.join(repository, file), 'utf8');
const found = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].flatMap((m) => m.slice(1));

const local = read('src/infra/directory/local-account-creator.ts');
// Only the local creator's check(): its other methods answer a person's step with the reasons below.
const localCheck = local.slice(
  local.indexOf('async check('),
  local.indexOf('async ', local.indexOf('async check(') + 1),
);
const checkSources = read('src/infra/graph/graph-account-checks.ts') + localCheck;
const checkCodes = [
  ...new Set([
    ...settingsCheckCodes,
    ...found(checkSources, /code: '([A-Z_]+)'/g),
    ...found(checkSources, /'(PERMISSION_[A-Z_]+)'/g),
  ]),
].sort();
const subjects = [
  ...new Set([
    ...found(checkSources, /readCheck\(\s*'([a-z-]+)'/g),
    ...found(checkSources, /id: '([a-z-]+)'/g),
    ...found(checkSources, /id: `([a-z-]+):/g),
  ]),
].sort();

const port = read('src/domain/accounts/account-creator.port.ts');
const stepCodes = found(port.slice(port.indexOf('AccountStepFailureCode')), /\| '([A-Z_]+)'/g);
const accounts = ['create-accounts.ts', 'link-created-account.ts', 'run-account-creation.ts']
  .map((file) => read(`src/domain/accounts/${file}`))
  .join('\n');
const reasonCodes = [
  ...new Set([
    ...stepCodes,
    ...found(accounts, /reasonCode: '([A-Z_]+)'/g),
    ...found(accounts, /'(NEEDS_[A-Z_]+)'/g),
  ]),
].sort();

const orgAdmins = { en, hi, ar } as Record<string, Record<string, string>>;
const people = { en: enPeople, hi: hiPeople, ar: arPeople } as Record<string, Record<string, string>>;
const everywhere = (files: Record<string, Record<string, string>>, id: string) =>
  Object.values(files).every((messages) => Object.hasOwn(messages, id));

describe('the words for account creation', () => {
  it('when the source is read, then it finds the checks, their findings and the reasons', () => {
    expect(subjects).toEqual(expect.arrayContaining(['domain', 'licence-group', 'permission', 'local-mode']));
    expect(checkCodes).toEqual(expect.arrayContaining(['PERMISSION_MISSING', 'UNREADABLE', 'LOCAL_DOMAINS']));
    expect(reasonCodes).toEqual(expect.arrayContaining(['UPN_TAKEN', 'HAS_ACCOUNT', 'NEEDS_LATIN_NAME']));
  });

  it.each(subjects)('when Check looks at %s, then every language names it', (subject) => {
    expect(everywhere(orgAdmins, `tab-org-admins.check.label.${subject}`)).toBe(true);
  });

  it.each(checkCodes)('when Check finds %s, then every language says so', (code) => {
    expect(everywhere(orgAdmins, `tab-org-admins.check.${code}`)).toBe(true);
  });

  it.each(requiredGraphPermissions.map((p) => p.permission))(
    'when %s is needed, then every language says why',
    (permission) => {
      expect(everywhere(orgAdmins, `tab-org-admins.graph.${permission}`)).toBe(true);
    },
  );

  it('when the Entra settings are listed, then each has a code with words in every language', () => {
    expect(requiredEntraSettingCodes).toHaveLength(requiredEntraSettings.length);
    for (const code of requiredEntraSettingCodes)
      expect(everywhere(orgAdmins, `tab-org-admins.entra.${code}`)).toBe(true);
  });

  it.each(reasonCodes)(
    'when an account is skipped or fails with %s, then every language says why',
    (code) => {
      expect(everywhere(people, `tab-people.createAccounts.reason.${code}`)).toBe(true);
    },
  );
});
