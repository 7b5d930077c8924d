import type { Storage, StoreItems } from 'botbuilder';
import type { Kysely } from 'kysely';
import type { Clock } from '../../domain/shared/clock.port';
import { systemClock } from '../../domain/shared/clock.port';
import type { Database } from './schema';

/**
 * Thrown when a write names an eTag the stored item no longer has. The message matches what
 * botbuilder's own storages say, because botbuilder (TeamsSSOTokenExchangeMiddleware, for one)
 * recognises a conflict by the words "eTag conflict".
 */
export class BotStateConflict extends Error {
  readonly code = 'BOT_STATE_ETAG_CONFLICT';
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'BotStateConflict';
  }
}

const versionPattern = /^[1-9]\d{0,15}$/;

/**
 * botbuilder `Storage` over Convene's own database, with real optimistic concurrency:
 * - an eTag of `*` (or none) writes unconditionally, as the Storage contract says;
 * - any other eTag must be the stored item's current one, else the write fails with BotStateConflict;
 * - an eTag naming an item that does not exist yet creates it, unless another writer got there first.
 * Several keys written together commit together or not at all.
 */
export class KyselyBotStateStorage implements Storage {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock = systemClock,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const wanted = [...new Set(keys)];
    if (wanted.length === 0) return {};
    const rows = await this.db
      .selectFrom('bot_state')
      .select(['key', 'version', 'document'])
      .where('key', 'in', wanted)
      .execute();
    const items: StoreItems = {};
    for (const row of rows) items[row.key] = { ...JSON.parse(row.document), eTag: String(row.version) };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const entries = Object.entries(changes ?? {});
    if (entries.length === 0) return;
    // One key needs no transaction: each statement below is atomic and re-checks the version itself.
    const versions =
      entries.length === 1
        ? [[entries[0]![1], await this.writeOne(this.db, entries[0]![0], entries[0]![1])] as const]
        : await this.db.transaction().execute(async (trx) => {
            const written: Array<readonly [Record<string, unknown>, number]> = [];
            for (const [key, item] of entries) written.push([item, await this.writeOne(trx, key, item)]);
            return written;
          });
    // Hand the new eTag back so the caller can write the same item again in this turn.
    for (const [item, version] of versions) {
      if (item && typeof item === 'object') item.eTag = String(version);
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.deleteFrom('bot_state').where('key', 'in', keys).execute();
  }

  private async writeOne(trx: Kysely<Database>, key: string, item: Record<string, unknown>) {
    const { eTag, ...rest } = item ?? {};
    const document = JSON.stringify(rest);
    const updatedAt = this.clock.now().toISOString();
    if (eTag === undefined || eTag === null || eTag === '*') {
      const row = await trx
        .insertInto('bot_state')
        .values({ key, version: 1, document, updated_at: updatedAt })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet((eb) => ({
            version: eb('bot_state.version', '+', 1),
            document: eb.ref('excluded.document'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .returning('version')
        .executeTakeFirstOrThrow();
      return Number(row.version);
    }
    const expected = String(eTag);
    if (versionPattern.test(expected)) {
      const updated = await trx
        .updateTable('bot_state')
        .set((eb) => ({ version: eb('version', '+', 1), document, updated_at: updatedAt }))
        .where('key', '=', key)
        .where('version', '=', Number(expected))
        .returning('version')
        .executeTakeFirst();
      if (updated) return Number(updated.version);
    }
    // No item with that eTag: either the item is new (create it) or someone else changed it (conflict).
    const inserted = await trx
      .insertInto('bot_state')
      .values({ key, version: 1, document, updated_at: updatedAt })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('version')
      .executeTakeFirst();
    if (!inserted) throw new BotStateConflict(key);
    return Number(inserted.version);
  }
}
