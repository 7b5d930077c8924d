import type { Kysely } from 'kysely';
import type { TeamsAddress } from '../../../domain/directory/directory.port';
import type { TeamsAddressBook } from '../../../domain/directory/teams-address-book.port';
import type { Database } from '../schema';

/** The address book in the `teams_addresses` table, one row per (tenant, Entra user). */
export class SqlTeamsAddressBook implements TeamsAddressBook {
  constructor(private readonly db: Kysely<Database>) {}

  async find(tenantId: string, aadObjectId: string): Promise<TeamsAddress | undefined> {
    const row = await this.db
      .selectFrom('teams_addresses')
      .select(['service_url', 'conversation_id'])
      .where('tenant_id', '=', tenantId)
      .where('aad_object_id', '=', aadObjectId)
      .executeTakeFirst();
    return row && { serviceUrl: row.service_url, conversationId: row.conversation_id };
  }

  async remember(
    tenantId: string,
    aadObjectId: string,
    address: TeamsAddress & { botId?: string | null },
    now: Date,
  ): Promise<void> {
    const values = {
      service_url: address.serviceUrl,
      conversation_id: address.conversationId,
      bot_id: address.botId ?? null,
      updated_at: now.toISOString(),
    };
    await this.db
      .insertInto('teams_addresses')
      .values({ tenant_id: tenantId, aad_object_id: aadObjectId, ...values })
      .onConflict((oc) => oc.columns(['tenant_id', 'aad_object_id']).doUpdateSet(values))
      .execute();
  }

  async forget(tenantId: string, aadObjectId: string): Promise<void> {
    await this.db
      .deleteFrom('teams_addresses')
      .where('tenant_id', '=', tenantId)
      .where('aad_object_id', '=', aadObjectId)
      .execute();
  }
}
