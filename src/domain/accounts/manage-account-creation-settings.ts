import type { Actor } from '../access/actor';
import { auditEntry } from '../audit/audit-entry';
import type { Organisation } from '../organisations/organisation';
import { RegionInvalid } from '../people/phone.errors';
import { parseRegion } from '../people/phone-number';
import type { DomainContext, Repositories } from '../shared/unit-of-work.port';
import {
  AccountCreationDomainNotVerified,
  AccountCreationSettingsInvalid,
  LicenceGroupNotFound,
} from './account-creation.errors';
import {
  type AccountCreationSettings,
  defaultAccountCreationSettings,
  requiredEntraSettingCodes,
  requiredEntraSettings,
  requiredGraphPermissions,
} from './account-creation-settings';
import type { AccountCreator, SettingsCheckItem } from './account-creator.port';
import { requireAccountCreationAdmin } from './require-account-creation-admin';
import { upnPatternProblem } from './user-principal-name';

/** The settings panel: what is set, and what it needs from Graph and Entra. */
export interface AccountCreationSettingsView {
  settings: AccountCreationSettings;
  graphPermissions: ReadonlyArray<{ permission: string; why: string }>;
  entraSettings: readonly string[];
  /** `entraSettings` by code, in the same order, for words in the reader's language. */
  entraSettingCodes: readonly string[];
}

export type AccountCreationSettingsInput = Omit<AccountCreationSettings, 'updatedAt'>;

/** The organisation's settings, or the defaults (off) when none were saved. */
export async function settingsOf(
  repos: Repositories,
  organisation: Organisation,
): Promise<AccountCreationSettings> {
  return (
    (await repos.accountCreation.findSettings(organisation.id)) ??
    defaultAccountCreationSettings(organisation.defaultRegion)
  );
}

export function getAccountCreationSettings(
  ctx: DomainContext,
  actor: Actor,
): Promise<AccountCreationSettingsView> {
  return ctx.uow.read(async (repos) => {
    const organisation = await requireAccountCreationAdmin(repos, actor);
    return {
      settings: await settingsOf(repos, organisation),
      graphPermissions: requiredGraphPermissions,
      entraSettings: requiredEntraSettings,
      entraSettingCodes: requiredEntraSettingCodes,
    };
  });
}

/**
 * Saves the settings (audited). Turning creation on needs a domain the tenant has verified and, when
 * given, a licensing group that exists: both are asked of the directory first, outside the transaction.
 */
export async function saveAccountCreationSettings(
  ctx: DomainContext,
  creator: AccountCreator,
  input: AccountCreationSettingsInput,
  actor: Actor,
): Promise<AccountCreationSettingsView> {
  const organisation = await ctx.uow.read((repos) => requireAccountCreationAdmin(repos, actor));
  const settings = normalise(input);
  if (settings.enabled || settings.domain) {
    if (!settings.domain)
      throw new AccountCreationSettingsInvalid('Choose the domain of the sign-in names.', 'domain');
    const verified = await creator.verifiedDomains(organisation.tenantId);
    if (!verified.includes(settings.domain))
      throw new AccountCreationDomainNotVerified(settings.domain, verified);
  }
  if (settings.licenceGroupId && !(await creator.groupExists(organisation.tenantId, settings.licenceGroupId)))
    throw new LicenceGroupNotFound(settings.licenceGroupId);
  return ctx.uow.run(async (repos) => {
    await requireAccountCreationAdmin(repos, actor);
    const now = ctx.clock.now();
    const saved = { ...settings, updatedAt: now.toISOString() };
    await repos.accountCreation.saveSettings(organisation.id, saved, actor.personId);
    await repos.audit.append(
      auditEntry(now, actor.personId, 'account-creation.settings-changed', null, {
        organisationId: organisation.id,
        enabled: saved.enabled,
        upnPattern: saved.upnPattern,
        domain: saved.domain,
        licenceGroupId: saved.licenceGroupId,
        usageLocationFallback: saved.usageLocationFallback,
      }),
    );
    return {
      settings: saved,
      graphPermissions: requiredGraphPermissions,
      entraSettings: requiredEntraSettings,
      entraSettingCodes: requiredEntraSettingCodes,
    };
  });
}

/** Verifies what can be verified of the permissions and Entra settings, without changing anything (audited). */
export async function checkAccountCreationSettings(
  ctx: DomainContext,
  creator: AccountCreator,
  actor: Actor,
): Promise<{ checks: SettingsCheckItem[]; ready: boolean }> {
  const { organisation, settings } = await ctx.uow.read(async (repos) => {
    const organisation = await requireAccountCreationAdmin(repos, actor);
    return { organisation, settings: await settingsOf(repos, organisation) };
  });
  const checks = await creator.check(organisation.tenantId, settings);
  const ready = checks.every((c) => c.state !== 'missing');
  await ctx.uow.run((repos) =>
    repos.audit.append(
      auditEntry(ctx.clock.now(), actor.personId, 'account-creation.settings-checked', null, {
        organisationId: organisation.id,
        missing: checks.filter((c) => c.state === 'missing').map((c) => c.id),
      }),
    ),
  );
  return { checks, ready };
}

function normalise(input: AccountCreationSettingsInput): Omit<AccountCreationSettings, 'updatedAt'> {
  const upnPattern = input.upnPattern.trim();
  const problem = upnPatternProblem(upnPattern);
  if (problem) throw new AccountCreationSettingsInvalid(problem, 'upnPattern');
  const domain = input.domain.trim().toLowerCase().replace(/^@/, '');
  if (domain && !/^(?=.{3,253}$)([a-z0-9-]+\.)+[a-z]{2,63}$/.test(domain))
    throw new AccountCreationSettingsInvalid(`"${input.domain}" is not a domain name.`, 'domain');
  const licenceGroupId = input.licenceGroupId?.trim() || null;
  if (
    licenceGroupId &&
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(licenceGroupId)
  )
    throw new AccountCreationSettingsInvalid(
      'The licensing group id is an Entra object id (a GUID).',
      'licenceGroupId',
    );
  let usageLocationFallback: string;
  try {
    usageLocationFallback = parseRegion(input.usageLocationFallback);
  } catch (error) {
    if (error instanceof RegionInvalid)
      throw new AccountCreationSettingsInvalid(
        'The usage location is a two-letter country code, e.g. IN.',
        'usageLocationFallback',
      );
    throw error;
  }
  return { enabled: input.enabled, upnPattern, domain, licenceGroupId, usageLocationFallback };
}
