import type { Kysely } from 'kysely';
import { regionOfPhone } from '../../../domain/people/phone-number';

const BATCH = 1000;

/**
 * The region of each person's phone number (ISO 3166 alpha-2, as libphonenumber reads it), kept
 * beside the number so that org admins can filter People without an account by region in SQL:
 * the calling code alone cannot tell Canada from the United States. Filled here for everyone known.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('people').addColumn('phone_region', 'text').execute();
  // biome-ignore lint/suspicious/noExplicitAny: migrations see the tables as they stood, untyped
  const people = db as Kysely<any>;
  let after = '';
  while (true) {
    const rows: Array<{ id: string; phone: string }> = await people
      .selectFrom('people')
      .select(['id', 'phone'])
      .where('phone', 'is not', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return;
    const byRegion = new Map<string, string[]>();
    for (const row of rows) {
      const region = regionOfPhone(row.phone);
      if (region) byRegion.set(region, [...(byRegion.get(region) ?? []), row.id]);
    }
    for (const [region, ids] of byRegion)
      await people.updateTable('people').set({ phone_region: region }).where('id', 'in', ids).execute();
    after = rows[rows.length - 1]!.id;
  }
}
