import type { Kysely, Selectable } from 'kysely';
import type { DirectoryOutcome, Person } from '../../../domain/people/person';
import type { PersonRepository } from '../../../domain/people/person.repository';
import { regionOfPhone } from '../../../domain/people/phone-number';
import type { Database, PeopleTable } from '../schema';

export const toPerson = (
  row: Omit<Selectable<PeopleTable>, 'phone_region' | 'locale'> & { locale?: string | null },
): Person => ({
  id: row.id,
  phone: row.phone,
  tenantId: row.tenant_id,
  aadObjectId: row.aad_object_id,
  displayName: row.display_name,
  createdAt: row.created_at,
  email: row.email,
  employeeId: row.employee_id,
  userPrincipalName: row.user_principal_name,
  directoryCheckedAt: row.directory_checked_at,
  directoryOutcome: row.directory_outcome as DirectoryOutcome | null,
  locale: row.locale ?? null,
});

/** The region stored beside a phone number (People without an account filters by it). */
export const phoneRegion = (phone: string | null): string | null => (phone ? regionOfPhone(phone) : null);

export class SqlPersonRepository implements PersonRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findById(id: string): Promise<Person | undefined> {
    const row = await this.db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toPerson(row);
  }

  async findByPhone(e164: string): Promise<Person | undefined> {
    const row = await this.db.selectFrom('people').selectAll().where('phone', '=', e164).executeTakeFirst();
    return row && toPerson(row);
  }

  async rememberLocale(tenantId: string, aadObjectId: string, locale: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('people')
      .select(['id', 'locale'])
      .where('tenant_id', '=', tenantId)
      .where('aad_object_id', '=', aadObjectId)
      .executeTakeFirst();
    if (!row) return false;
    if (row.locale !== locale) {
      await this.db.updateTable('people').set({ locale }).where('id', '=', row.id).execute();
    }
    return true;
  }

  async findByAadObjectId(tenantId: string, aadObjectId: string): Promise<Person | undefined> {
    const row = await this.db
      .selectFrom('people')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('aad_object_id', '=', aadObjectId)
      .executeTakeFirst();
    return row && toPerson(row);
  }

  async listAccountsOfTenant(tenantId: string, limit: number): Promise<Person[]> {
    const rows = await this.db
      .selectFrom('people')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('aad_object_id', 'is not', null)
      .orderBy('display_name')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toPerson);
  }

  async insert(p: Person): Promise<void> {
    await this.db
      .insertInto('people')
      .values({
        id: p.id,
        phone: p.phone,
        phone_region: phoneRegion(p.phone),
        tenant_id: p.tenantId,
        aad_object_id: p.aadObjectId,
        display_name: p.displayName,
        created_at: p.createdAt,
        email: p.email,
        employee_id: p.employeeId,
        user_principal_name: p.userPrincipalName,
        directory_checked_at: p.directoryCheckedAt,
        directory_outcome: p.directoryOutcome,
      })
      .execute();
  }

  async update(id: string, changes: Partial<Omit<Person, 'id' | 'createdAt'>>): Promise<void> {
    const values: Partial<Selectable<PeopleTable>> = {};
    if (changes.phone !== undefined) {
      values.phone = changes.phone;
      values.phone_region = phoneRegion(changes.phone);
    }
    if (changes.tenantId !== undefined) values.tenant_id = changes.tenantId;
    if (changes.aadObjectId !== undefined) values.aad_object_id = changes.aadObjectId;
    if (changes.displayName !== undefined) values.display_name = changes.displayName;
    if (changes.email !== undefined) values.email = changes.email;
    if (changes.employeeId !== undefined) values.employee_id = changes.employeeId;
    if (changes.userPrincipalName !== undefined) values.user_principal_name = changes.userPrincipalName;
    if (changes.directoryCheckedAt !== undefined) values.directory_checked_at = changes.directoryCheckedAt;
    if (changes.directoryOutcome !== undefined) values.directory_outcome = changes.directoryOutcome;
    if (Object.keys(values).length === 0) return;
    await this.db.updateTable('people').set(values).where('id', '=', id).execute();
  }

  async recordDirectoryChecks(
    personIds: readonly string[],
    outcome: Exclude<DirectoryOutcome, 'matched'>,
    at: string,
  ): Promise<void> {
    if (personIds.length === 0) return;
    await this.db
      .updateTable('people')
      .set({ directory_checked_at: at, directory_outcome: outcome })
      .where('id', 'in', [...personIds])
      .where('aad_object_id', 'is', null)
      .execute();
  }

  async mergeInto(fromId: string, intoId: string): Promise<void> {
    await this.moveRows('memberships', 'group_id', fromId, intoId);
    await this.moveRows('card_invites', 'group_id', fromId, intoId);
    await this.moveRows('champs', 'group_id', fromId, intoId);
    await this.moveRows('organisation_admins', 'organisation_id', fromId, intoId);
    const from = await this.findById(fromId);
    if (!from?.phone) return;
    // The number is unique: free it before giving it to the person who keeps it.
    await this.db
      .updateTable('people')
      .set({ phone: null, phone_region: null })
      .where('id', '=', fromId)
      .execute();
    await this.db
      .updateTable('people')
      .set({ phone: from.phone, phone_region: phoneRegion(from.phone) })
      .where('id', '=', intoId)
      .where('phone', 'is', null)
      .execute();
  }

  /** Re-keys rows from one person to another, except where the other already has a row with that key. */
  private async moveRows(
    table: 'memberships' | 'card_invites' | 'champs' | 'organisation_admins',
    key: 'group_id' | 'organisation_id',
    fromId: string,
    intoId: string,
  ): Promise<void> {
    // biome-ignore lint/suspicious/noExplicitAny: the four tables share person_id and their key column
    const db = this.db as Kysely<any>;
    await db
      .updateTable(table)
      .set({ person_id: intoId })
      .where('person_id', '=', fromId)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom(`${table} as other`)
              .select('other.person_id')
              .whereRef(`other.${key}`, '=', `${table}.${key}`)
              .where('other.person_id', '=', intoId),
          ),
        ),
      )
      .execute();
    await db.deleteFrom(table).where('person_id', '=', fromId).execute();
  }
}
