import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Each group's memberships counted by invitation state, kept by the database itself, and an index that
 * reads a group's members a page at a time. Lists of groups,
 * the join page, invite cards, the delivery queue and the portal's adoption counts read them instead of
 * counting a group's memberships on every request, which took time in proportion to the group's size (a
 * group of 80,000 people made every `GET /api/v1/groups` of its members walk 80,000 index entries).
 * Triggers keep them right for every way memberships are written (one at a time, bulk inserts, merges,
 * state changes, removals) without each write path having to remember.
 */
const STATES = ['invited', 'joined', 'declined'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const state of STATES) {
    await db.schema
      .alterTable('groups')
      .addColumn(`${state}_count`, 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  }
  await recountGroupMembers(db);
  // Pages of a group's members in the order they are listed (admins first, then by when they came), so
  // a page costs its own length whatever the group's size; its prefix also counts a group's admins.
  await db.schema
    .createIndex('memberships_group_page')
    .on('memberships')
    .columns(['group_id', 'role', 'created_at', 'person_id'])
    .execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) await postgresTriggers(db);
  else await sqliteTriggers(db);
}

/** Counts every group's memberships afresh (the existing groups, when the counts are introduced). */
export async function recountGroupMembers(db: Kysely<unknown>): Promise<void> {
  const recount = STATES.map(
    (state) =>
      `${state}_count = (SELECT count(*) FROM memberships m WHERE m.group_id = groups.id AND m.state = '${state}')`,
  );
  await sql.raw(`UPDATE groups SET ${recount.join(', ')}`).execute(db);
}

/** SQLite: row triggers (cheap there: an in-process B-tree update per membership). */
async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  const count = (row: 'NEW' | 'OLD', sign: '+' | '-') =>
    `UPDATE groups SET ${STATES.map((s) => `${s}_count = ${s}_count ${sign} (${row}.state = '${s}')`).join(', ')}
     WHERE id = ${row}.group_id;`;
  await sql
    .raw(
      `CREATE TRIGGER memberships_counted_insert AFTER INSERT ON memberships BEGIN ${count('NEW', '+')} END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER memberships_counted_delete AFTER DELETE ON memberships BEGIN ${count('OLD', '-')} END`,
    )
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER memberships_counted_update AFTER UPDATE OF state, group_id ON memberships
      BEGIN ${count('OLD', '-')} ${count('NEW', '+')} END`)
    .execute(db);
}

/**
 * PostgreSQL: statement triggers over transition tables, so a bulk insert of 5,000 memberships updates
 * its group's row once (a row trigger would write 5,000 versions of it).
 */
async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  const counted = (table: string, sign: string) =>
    `SELECT group_id, ${STATES.map((s) => `${sign}(state = '${s}')::integer AS ${s}`).join(', ')} FROM ${table}`;
  const apply = (changes: string) => `
    UPDATE groups g SET ${STATES.map((s) => `${s}_count = g.${s}_count + d.${s}`).join(', ')}
    FROM (
      SELECT group_id, ${STATES.map((s) => `sum(${s})::integer AS ${s}`).join(', ')}
      FROM (${changes}) c GROUP BY group_id
    ) d
    WHERE g.id = d.group_id AND (${STATES.map((s) => `d.${s} <> 0`).join(' OR ')});`;
  const trigger = async (event: 'INSERT' | 'DELETE' | 'UPDATE', tables: string, changes: string) => {
    const name = `memberships_counted_${event.toLowerCase()}`;
    // The groups' rows are taken in id order, so two statements counting into the same groups queue
    // behind each other instead of each holding one row the other wants.
    const lock = `PERFORM 1 FROM groups WHERE id IN (SELECT group_id FROM (${changes}) c) ORDER BY id FOR UPDATE;`;
    await sql
      .raw(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN ${lock} ${apply(changes)} RETURN NULL; END $$`)
      .execute(db);
    await sql
      .raw(`CREATE TRIGGER ${name} AFTER ${event} ON memberships
        REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`)
      .execute(db);
  };
  await trigger('INSERT', 'NEW TABLE AS added', counted('added', '+'));
  await trigger('DELETE', 'OLD TABLE AS removed', counted('removed', '-'));
  await trigger(
    'UPDATE',
    'OLD TABLE AS removed NEW TABLE AS added',
    `${counted('removed', '-')} UNION ALL ${counted('added', '+')}`,
  );
}
