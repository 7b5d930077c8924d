import { randomUUID } from 'node:crypto';
import type { Storage } from '../../src/infra/storage/database';
import { CONTOSO_TENANT } from './domain-world';

/**
 * `people` Teams users of Contoso who joined `groupId` and have chatted with the bot through
 * `connectorUrl` (no invite cards: they are members already), written set-at-a-time.
 */
export async function seedAudience(storage: Storage, groupId: string, people: number, connectorUrl: string) {
  const at = new Date().toISOString();
  for (let start = 0; start < people; start += 500) {
    const rows = Array.from({ length: Math.min(500, people - start) }, () => ({
      id: randomUUID(),
      aad: randomUUID(),
    }));
    await storage.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('people')
        .values(
          rows.map((r, i) => ({
            id: r.id,
            phone: null,
            tenant_id: CONTOSO_TENANT,
            aad_object_id: r.aad,
            display_name: `Reader ${start + i}`,
            created_at: at,
          })) as never,
        )
        .execute();
      await trx
        .insertInto('memberships')
        .values(
          rows.map((r) => ({
            group_id: groupId,
            person_id: r.id,
            role: 'member',
            source: 'bulk',
            state: 'joined',
            invited_by: null,
            created_at: at,
            updated_at: at,
          })) as never,
        )
        .execute();
      await trx
        .insertInto('teams_addresses')
        .values(
          rows.map((r) => ({
            tenant_id: CONTOSO_TENANT,
            aad_object_id: r.aad,
            service_url: connectorUrl,
            conversation_id: `a:personal:${r.aad}`,
            bot_id: null,
            updated_at: at,
          })),
        )
        .execute();
    });
  }
}
