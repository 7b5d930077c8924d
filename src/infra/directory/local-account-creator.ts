import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  AccountCreator,
  AccountStepResult,
  ExistingAccount,
  NewAccount,
  SettingsCheckItem,
} from '../../domain/accounts/account-creator.port';
import { inLists } from '../storage/repositories/in-lists';
import type { Database } from '../storage/schema';
import { isUniqueViolation } from '../storage/sql-errors';
import { currentEntries, type LocalDirectoryEntry, type LocalDirectorySource } from './local-directory-file';

/** The domain local mode offers for sign-in names besides those of the local directory file. */
export const LOCAL_ACCOUNT_DOMAIN = 'convene.local';

/**
 * Local mode's account creation, so the whole flow can be tried without a tenant: accounts are
 * stand-ins in the `local_accounts` table beside the local directory file's entries (whose sign-in
 * names and numbers they must not collide with). An entry of the file holds its number for SMS
 * sign-in, as an Entra user with SMS sign-in would. Licensing groups are recorded on the account.
 */
export class LocalAccountCreator implements AccountCreator {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly localTenantId: string,
    private readonly source: LocalDirectorySource = [],
  ) {}

  /** The local directory file's stand-ins as the file is now. */
  private get entries(): readonly LocalDirectoryEntry[] {
    return currentEntries(this.source);
  }

  async verifiedDomains(): Promise<string[]> {
    const fromFile = this.entries.flatMap((e) =>
      e.userPrincipalName ? [e.userPrincipalName.split('@')[1]!.toLowerCase()] : [],
    );
    return [...new Set([LOCAL_ACCOUNT_DOMAIN, ...fromFile])];
  }

  /** There are no directory groups locally: any group id stands for one. */
  async groupExists(): Promise<boolean> {
    return true;
  }

  async check(
    tenantId: string,
    settings: { domain: string; licenceGroupId: string | null },
  ): Promise<SettingsCheckItem[]> {
    const domains = await this.verifiedDomains();
    return [
      {
        id: 'local-mode',
        label: 'Local mode',
        state: tenantId === this.localTenantId ? 'ok' : 'missing',
        code: 'LOCAL_MODE',
        details: {},
        detail: 'Accounts are created in the local directory; no Graph permissions are needed.',
      },
      {
        id: 'domain',
        label: 'Domain of the sign-in names',
        state: domains.includes(settings.domain) ? 'ok' : 'missing',
        code: 'LOCAL_DOMAINS',
        details: { domains },
        detail: `Local domains: ${domains.join(', ')}.`,
      },
    ];
  }

  async findAccounts(tenantId: string, upns: readonly string[]): Promise<Map<string, ExistingAccount>> {
    const found = new Map<string, ExistingAccount>();
    const wanted = new Set(upns.map((u) => u.toLowerCase()));
    if (wanted.size === 0) return found;
    for (const entry of this.entries) {
      const key = entry.userPrincipalName?.toLowerCase();
      if (key && wanted.has(key))
        found.set(key, {
          objectId: entry.aadObjectId,
          userPrincipalName: entry.userPrincipalName!,
          mobilePhone: entry.phone,
        });
    }
    for (const keys of inLists([...wanted])) {
      const rows = await this.db
        .selectFrom('local_accounts')
        .select(['object_id', 'user_principal_name', 'upn_key', 'mobile_phone'])
        .where('tenant_id', '=', tenantId)
        .where('upn_key', 'in', keys)
        .execute();
      for (const row of rows)
        found.set(row.upn_key, {
          objectId: row.object_id,
          userPrincipalName: row.user_principal_name,
          mobilePhone: row.mobile_phone,
        });
    }
    return found;
  }

  async createAccounts(tenantId: string, accounts: readonly NewAccount[]): Promise<AccountStepResult[]> {
    const results: AccountStepResult[] = [];
    for (const account of accounts) {
      const key = account.userPrincipalName.toLowerCase();
      const taken = () =>
        results.push({
          key: account.key,
          ok: false,
          code: 'UPN_TAKEN',
          message: `${account.userPrincipalName} is taken.`,
        });
      if (this.entries.some((e) => e.userPrincipalName?.toLowerCase() === key)) {
        taken();
        continue;
      }
      const objectId = randomUUID();
      try {
        await this.db
          .insertInto('local_accounts')
          .values({
            tenant_id: tenantId,
            object_id: objectId,
            user_principal_name: account.userPrincipalName,
            upn_key: key,
            display_name: account.displayName,
            mobile_phone: account.mobilePhone,
            phone_method: 0,
            sms_sign_in: 0,
            groups: '[]',
            created_at: new Date().toISOString(),
          })
          .execute();
        results.push({ key: account.key, ok: true, objectId });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        taken();
      }
    }
    return results;
  }

  async addMobilePhones(
    tenantId: string,
    items: ReadonlyArray<{ key: string; objectId: string; phone: string }>,
  ): Promise<AccountStepResult[]> {
    for (const item of items)
      await this.db
        .updateTable('local_accounts')
        .set({ phone_method: 1, mobile_phone: item.phone })
        .where('tenant_id', '=', tenantId)
        .where('object_id', '=', item.objectId)
        .execute();
    return items.map((item) => ({ key: item.key, ok: true, objectId: item.objectId }));
  }

  async enableSmsSignIn(
    tenantId: string,
    items: ReadonlyArray<{ key: string; objectId: string }>,
  ): Promise<AccountStepResult[]> {
    const results: AccountStepResult[] = [];
    for (const item of items) {
      const account = await this.db
        .selectFrom('local_accounts')
        .select('mobile_phone')
        .where('tenant_id', '=', tenantId)
        .where('object_id', '=', item.objectId)
        .executeTakeFirstOrThrow();
      const holder = await this.db
        .selectFrom('local_accounts')
        .select('object_id')
        .where('tenant_id', '=', tenantId)
        .where('mobile_phone', '=', account.mobile_phone)
        .where('sms_sign_in', '=', 1)
        .where('object_id', '!=', item.objectId)
        .executeTakeFirst();
      if (holder || this.entries.some((e) => e.phone === account.mobile_phone)) {
        results.push({
          key: item.key,
          ok: false,
          code: 'SMS_SIGN_IN_CONFLICT',
          message: 'SMS sign-in was refused: the number is used by another account.',
        });
        continue;
      }
      await this.db
        .updateTable('local_accounts')
        .set({ sms_sign_in: 1 })
        .where('tenant_id', '=', tenantId)
        .where('object_id', '=', item.objectId)
        .execute();
      results.push({ key: item.key, ok: true, objectId: item.objectId });
    }
    return results;
  }

  async addToGroup(
    tenantId: string,
    groupId: string,
    items: ReadonlyArray<{ key: string; objectId: string }>,
  ): Promise<AccountStepResult[]> {
    for (const item of items) {
      const row = await this.db
        .selectFrom('local_accounts')
        .select('groups')
        .where('tenant_id', '=', tenantId)
        .where('object_id', '=', item.objectId)
        .executeTakeFirstOrThrow();
      const groups = new Set(JSON.parse(row.groups) as string[]).add(groupId);
      await this.db
        .updateTable('local_accounts')
        .set({ groups: JSON.stringify([...groups]) })
        .where('tenant_id', '=', tenantId)
        .where('object_id', '=', item.objectId)
        .execute();
    }
    return items.map((item) => ({ key: item.key, ok: true, objectId: item.objectId }));
  }
}
