import type { Kysely, Selectable } from 'kysely';
import type {
  AccountCandidate,
  AccountCreationRepository,
  AccountCreationRow,
  AccountCreationRowChange,
  AccountOutcome,
} from '../../../domain/accounts/account-creation.repository';
import type { AccountCreationSettings } from '../../../domain/accounts/account-creation-settings';
import type { AccountCreationPeopleTable, Database } from '../schema';
import { inLists } from './in-lists';

const toRow = (row: Selectable<AccountCreationPeopleTable>): AccountCreationRow => ({
  jobId: row.job_id,
  personId: row.person_id,
  seq: row.seq,
  displayName: row.display_name,
  upnBase: row.upn_base,
  suffix: row.suffix,
  phone: row.phone,
  usageLocation: row.usage_location,
  objectId: row.object_id,
  sending: row.sending === 1,
  phoneMethod: row.phone_method === 1,
  smsSignIn: row.sms_sign_in === 1,
  licenceGroup: row.licence_group === 1,
  outcome: row.outcome as AccountOutcome | null,
  reasonCode: row.reason_code,
  reason: row.reason,
});

const flag = (value: boolean | undefined) => (value === undefined ? undefined : value ? 1 : 0);

export class SqlAccountCreationRepository implements AccountCreationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findSettings(organisationId: string): Promise<AccountCreationSettings | undefined> {
    const row = await this.db
      .selectFrom('account_creation_settings')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .executeTakeFirst();
    return (
      row && {
        enabled: row.enabled === 1,
        upnPattern: row.upn_pattern,
        domain: row.domain,
        licenceGroupId: row.licence_group_id,
        usageLocationFallback: row.usage_location_fallback,
        updatedAt: row.updated_at,
      }
    );
  }

  async saveSettings(organisationId: string, s: AccountCreationSettings, updatedBy: string): Promise<void> {
    const values = {
      enabled: s.enabled ? 1 : 0,
      upn_pattern: s.upnPattern,
      domain: s.domain,
      licence_group_id: s.licenceGroupId,
      usage_location_fallback: s.usageLocationFallback,
      updated_by: updatedBy,
      updated_at: s.updatedAt ?? new Date(0).toISOString(),
    };
    await this.db
      .insertInto('account_creation_settings')
      .values({ organisation_id: organisationId, ...values })
      .onConflict((oc) => oc.column('organisation_id').doUpdateSet(values))
      .execute();
  }

  async listCandidates(
    organisationId: string,
    personIds: readonly string[] | undefined,
    limit: number,
  ): Promise<AccountCandidate[]> {
    const lists = personIds === undefined ? [undefined] : inLists([...personIds]);
    const found: AccountCandidate[] = [];
    for (const ids of lists) {
      if (ids !== undefined && ids.length === 0) continue;
      let query = this.db
        .selectFrom('people as p')
        .select((eb) => [
          'p.id',
          'p.phone',
          'p.display_name',
          // What the person typed when they asked to join, for people an admin never named.
          eb
            .selectFrom('join_requests as jr')
            .select('jr.display_name')
            .whereRef('jr.person_id', '=', 'p.id')
            .orderBy('jr.created_at', 'desc')
            .limit(1)
            .as('requested_name'),
        ])
        .where('p.aad_object_id', 'is', null)
        .where('p.phone', 'is not', null)
        // Someone a creation job is still working on gets no second job meanwhile.
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('account_creation_people as open')
                .select('open.person_id')
                .whereRef('open.person_id', '=', 'p.id')
                .where('open.outcome', 'is', null),
            ),
          ),
        )
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('memberships as m')
              .innerJoin('groups as g', 'g.id', 'm.group_id')
              .select('m.person_id')
              .whereRef('m.person_id', '=', 'p.id')
              .where('g.organisation_id', '=', organisationId),
          ),
        );
      if (ids !== undefined) query = query.where('p.id', 'in', ids);
      const rows = await query.orderBy('p.created_at').orderBy('p.id').limit(limit).execute();
      for (const row of rows) {
        const name = row.display_name?.trim() || row.requested_name?.trim() || null;
        found.push({ personId: row.id, phone: row.phone!, displayName: name });
      }
    }
    return found.slice(0, limit);
  }

  async insertRows(rows: AccountCreationRow[], at: string): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) {
      await this.db
        .insertInto('account_creation_people')
        .values(
          rows.slice(i, i + 500).map((r) => ({
            job_id: r.jobId,
            person_id: r.personId,
            seq: r.seq,
            display_name: r.displayName,
            upn_base: r.upnBase,
            suffix: r.suffix,
            phone: r.phone,
            usage_location: r.usageLocation,
            object_id: r.objectId,
            sending: r.sending ? 1 : 0,
            phone_method: r.phoneMethod ? 1 : 0,
            sms_sign_in: r.smsSignIn ? 1 : 0,
            licence_group: r.licenceGroup ? 1 : 0,
            outcome: r.outcome,
            reason_code: r.reasonCode,
            reason: r.reason,
            updated_at: at,
          })),
        )
        .execute();
    }
  }

  async listOpenRows(jobId: string, limit: number): Promise<AccountCreationRow[]> {
    const rows = await this.db
      .selectFrom('account_creation_people')
      .selectAll()
      .where('job_id', '=', jobId)
      .where('outcome', 'is', null)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map(toRow);
  }

  async listRows(jobId: string, limit: number): Promise<AccountCreationRow[]> {
    const rows = await this.db
      .selectFrom('account_creation_people')
      .selectAll()
      .where('job_id', '=', jobId)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map(toRow);
  }

  async countOutcomes(jobId: string): Promise<{ total: number } & Partial<Record<AccountOutcome, number>>> {
    const rows = await this.db
      .selectFrom('account_creation_people')
      .select(['outcome', (eb) => eb.fn.countAll<number | string>().as('count')])
      .where('job_id', '=', jobId)
      .groupBy('outcome')
      .execute();
    const counts: { total: number } & Partial<Record<AccountOutcome, number>> = { total: 0 };
    for (const row of rows) {
      const count = Number(row.count);
      counts.total += count;
      if (row.outcome) counts[row.outcome as AccountOutcome] = count;
    }
    return counts;
  }

  async updateRow(jobId: string, personId: string, c: AccountCreationRowChange, at: string): Promise<void> {
    await this.db
      .updateTable('account_creation_people')
      .set({
        suffix: c.suffix,
        object_id: c.objectId,
        sending: flag(c.sending),
        phone_method: flag(c.phoneMethod),
        sms_sign_in: flag(c.smsSignIn),
        licence_group: flag(c.licenceGroup),
        outcome: c.outcome,
        reason_code: c.reasonCode,
        reason: c.reason,
        updated_at: at,
      })
      .where('job_id', '=', jobId)
      .where('person_id', '=', personId)
      .execute();
  }
}
