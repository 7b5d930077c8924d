import { type Kysely, PostgresAdapter, type Selectable, sql } from 'kysely';
import type {
  Announcement,
  AnnouncementContent,
  AnnouncementState,
  Audience,
} from '../../../domain/announcements/announcement';
import type {
  AnnouncementCounts,
  AnnouncementRecipient,
  AnnouncementRepository,
  ChannelPostOutcome,
} from '../../../domain/announcements/announcement.repository';
import type { AnnouncementImage } from '../../../domain/announcements/announcement-image';
import type { AnnouncementsTable, Database } from '../schema';
import { audienceGroups, audiencePeople } from './announcement-audience.sql';

export const toAnnouncement = (row: Selectable<AnnouncementsTable>): Announcement => ({
  id: row.id,
  organisationId: row.organisation_id,
  audience:
    row.audience_kind === 'organisation'
      ? { kind: 'organisation', organisationId: row.organisation_id! }
      : { kind: row.audience_kind as 'group' | 'group-tree', groupId: row.audience_group_id! },
  title: row.title,
  body: row.body,
  link: row.link_url ? { url: row.link_url, label: row.link_label ?? 'Open' } : null,
  acknowledge: Number(row.acknowledge) === 1,
  postInChannel: Number(row.post_in_channel) === 1,
  state: row.state as AnnouncementState,
  sendAt: row.send_at,
  timeZone: row.time_zone,
  createdBy: row.created_by,
  createdAt: row.created_at,
  startedAt: row.started_at,
  audienceCount: row.audience_count === null ? null : Number(row.audience_count),
  remindedAt: row.reminded_at,
  image: row.image_path && row.image_type ? { path: row.image_path, type: row.image_type } : null,
});

const contentColumns = (content: AnnouncementContent) => ({
  title: content.title,
  body: content.body,
  link_url: content.link?.url ?? null,
  link_label: content.link?.label ?? null,
  acknowledge: content.acknowledge ? 1 : 0,
  post_in_channel: content.postInChannel ? 1 : 0,
});

/** Counts of one announcement's deliveries, as SQL aggregates (sent counts reminders' first sends too). */
const countColumns = sql<string>`
  sum(CASE WHEN d.state = 'queued' THEN 1 ELSE 0 END) AS queued,
  sum(CASE WHEN d.sent_at IS NOT NULL THEN 1 ELSE 0 END) AS sent,
  sum(CASE WHEN d.state = 'failed' THEN 1 ELSE 0 END) AS failed,
  sum(CASE WHEN d.read_at IS NOT NULL THEN 1 ELSE 0 END) AS "read",
  sum(CASE WHEN d.acknowledged_at IS NOT NULL THEN 1 ELSE 0 END) AS acknowledged`;

type CountRow = { queued: unknown; sent: unknown; failed: unknown; read: unknown; acknowledged: unknown };
const toCounts = (row: CountRow | undefined): AnnouncementCounts => ({
  queued: Number(row?.queued ?? 0),
  sent: Number(row?.sent ?? 0),
  failed: Number(row?.failed ?? 0),
  read: Number(row?.read ?? 0),
  acknowledged: Number(row?.acknowledged ?? 0),
});

/** Announcements and their deliveries over Kysely; the audience is resolved in SQL (announcement-audience.sql.ts). */
export class SqlAnnouncementRepository implements AnnouncementRepository {
  private readonly postgres: boolean;
  constructor(private readonly db: Kysely<Database>) {
    this.postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  }

  async insert(a: Announcement): Promise<void> {
    await this.db
      .insertInto('announcements')
      .values({
        id: a.id,
        organisation_id: a.organisationId,
        audience_kind: a.audience.kind,
        audience_group_id: a.audience.kind === 'organisation' ? null : a.audience.groupId,
        ...contentColumns(a),
        image_path: a.image?.path ?? null,
        image_type: a.image?.type ?? null,
        state: a.state,
        send_at: a.sendAt,
        time_zone: a.timeZone,
        created_by: a.createdBy,
        created_at: a.createdAt,
        updated_at: a.createdAt,
        started_at: null,
        audience_count: null,
        reminded_at: null,
      })
      .execute();
  }

  async saveImage(image: AnnouncementImage): Promise<void> {
    await this.db
      .insertInto('announcement_images')
      .values({
        id: image.id,
        content_type: image.contentType,
        bytes: Buffer.from(image.bytes),
        width: image.width,
        height: image.height,
        created_by: image.createdBy,
        created_at: image.createdAt,
      })
      .execute();
  }

  async findImage(id: string): Promise<AnnouncementImage | undefined> {
    const row = await this.db
      .selectFrom('announcement_images')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return (
      row && {
        id: row.id,
        contentType: row.content_type === 'image/png' ? 'image/png' : 'image/jpeg',
        // better-sqlite3 and pg both hand back a Buffer; the domain sees plain bytes.
        bytes: new Uint8Array(row.bytes),
        width: row.width,
        height: row.height,
        createdBy: row.created_by,
        createdAt: row.created_at,
      }
    );
  }

  async findById(id: string): Promise<Announcement | undefined> {
    const row = await this.db.selectFrom('announcements').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toAnnouncement(row);
  }

  async list(filter: {
    groupIds: string[];
    organisationIds: string[];
    limit: number;
  }): Promise<Announcement[]> {
    if (filter.groupIds.length === 0 && filter.organisationIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('announcements')
      .selectAll()
      .where((eb) =>
        eb.or([
          ...(filter.groupIds.length > 0 ? [eb('audience_group_id', 'in', filter.groupIds)] : []),
          ...(filter.organisationIds.length > 0 ? [eb('organisation_id', 'in', filter.organisationIds)] : []),
        ]),
      )
      .orderBy('created_at', 'desc')
      .limit(filter.limit)
      .execute();
    return rows.map(toAnnouncement);
  }

  async updateScheduled(
    id: string,
    change: {
      content: AnnouncementContent;
      image: Announcement['image'];
      sendAt: string;
      timeZone: string;
    },
    now: Date,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('announcements')
      .set({
        ...contentColumns(change.content),
        image_path: change.image?.path ?? null,
        image_type: change.image?.type ?? null,
        send_at: change.sendAt,
        time_zone: change.timeZone,
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .where('state', '=', 'scheduled')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async cancelScheduled(id: string, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('announcements')
      .set({ state: 'cancelled', updated_at: now.toISOString() })
      .where('id', '=', id)
      .where('state', '=', 'scheduled')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async sendScheduledNow(id: string, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('announcements')
      .set({ send_at: now.toISOString(), updated_at: now.toISOString() })
      .where('id', '=', id)
      .where('state', '=', 'scheduled')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async countAudience(audience: Audience): Promise<number> {
    const { rows } = await sql<{
      n: unknown;
    }>`SELECT count(*) AS n FROM (${audiencePeople(audience)}) people`.execute(this.db);
    return Number(rows[0]?.n ?? 0);
  }

  async lockNextDue(now: Date): Promise<Announcement | undefined> {
    const query = this.db
      .selectFrom('announcements')
      .selectAll()
      .where('state', '=', 'scheduled')
      .where('send_at', '<=', now.toISOString())
      .orderBy('send_at')
      .limit(1);
    // Another instance starting the same announcement skips it instead of waiting for it.
    const row = await (this.postgres ? query.forUpdate().skipLocked() : query).executeTakeFirst();
    return row && toAnnouncement(row);
  }

  async start(a: Announcement, now: Date): Promise<number> {
    const at = now.toISOString();
    const result = await this.db
      .updateTable('announcements')
      .set({ state: 'sending', started_at: at, updated_at: at })
      .where('id', '=', a.id)
      .where('state', '=', 'scheduled')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return 0;
    // Delivery ids name the announcement and the person: a second start could never queue anyone twice.
    const inserted = await sql`INSERT INTO announcement_deliveries
        (id, announcement_id, person_id, group_id, state, reminder, attempts, next_attempt_at, created_at, updated_at)
      SELECT ${a.id} || '/' || people.person_id, ${a.id}, people.person_id, people.group_id, 'queued', 0, 0, ${at}, ${at}, ${at}
      FROM (${audiencePeople(a.audience)}) people`.execute(this.db);
    const queued = Number(inserted.numAffectedRows ?? 0);
    // One General-channel post per covered group that has a team; the key makes a second one impossible.
    if (a.postInChannel)
      await sql`INSERT INTO announcement_channel_posts
          (announcement_id, group_id, team_id, state, attempts, next_attempt_at, created_at, updated_at)
        SELECT ${a.id}, gp.group_id, gp.team_id, 'queued', 0, ${at}, ${at}, ${at}
        FROM group_provisioning gp
        WHERE gp.team_id IS NOT NULL AND gp.group_id IN (${audienceGroups(a.audience)})`.execute(this.db);
    await this.db
      .updateTable('announcements')
      .set({ audience_count: queued })
      .where('id', '=', a.id)
      .execute();
    return queued;
  }

  async counts(announcementId: string): Promise<AnnouncementCounts> {
    const { rows } = await sql<CountRow>`SELECT ${countColumns} FROM announcement_deliveries d
      WHERE d.announcement_id = ${announcementId}`.execute(this.db);
    return toCounts(rows[0]);
  }

  async countsByGroup(
    announcementId: string,
  ): Promise<Array<AnnouncementCounts & { groupId: string; groupName: string }>> {
    const { rows } = await sql<CountRow & { group_id: string; group_name: string }>`
      SELECT d.group_id AS group_id, g.name AS group_name, ${countColumns}
      FROM announcement_deliveries d JOIN groups g ON g.id = d.group_id
      WHERE d.announcement_id = ${announcementId}
      GROUP BY d.group_id, g.name ORDER BY g.name`.execute(this.db);
    return rows.map((row) => ({ groupId: row.group_id, groupName: row.group_name, ...toCounts(row) }));
  }

  async recipients(
    announcementId: string,
    page: { after: string | null; limit: number },
  ): Promise<AnnouncementRecipient[]> {
    let query = this.db
      .selectFrom('announcement_deliveries as d')
      .innerJoin('people as p', 'p.id', 'd.person_id')
      .innerJoin('groups as g', 'g.id', 'd.group_id')
      .select([
        'd.person_id',
        'p.display_name',
        'p.phone',
        'd.group_id',
        'g.name as group_name',
        'd.state',
        'd.failure_code',
        'd.failure_reason',
        'd.sent_at',
        'd.read_at',
        'd.acknowledged_at',
      ])
      .where('d.announcement_id', '=', announcementId)
      .orderBy('d.person_id')
      .limit(page.limit);
    if (page.after) query = query.where('d.person_id', '>', page.after);
    const rows = await query.execute();
    return rows.map((row) => ({
      personId: row.person_id,
      name: row.display_name,
      phone: row.phone,
      groupId: row.group_id,
      groupName: row.group_name,
      state: row.state as AnnouncementRecipient['state'],
      failureCode: row.failure_code,
      failureReason: row.failure_reason,
      sentAt: row.sent_at,
      readAt: row.read_at,
      acknowledgedAt: row.acknowledged_at,
    }));
  }

  async findDelivery(deliveryId: string) {
    const row = await this.db
      .selectFrom('announcement_deliveries')
      .select(['id', 'announcement_id', 'person_id', 'group_id', 'acknowledged_at', 'read_at'])
      .where('id', '=', deliveryId)
      .executeTakeFirst();
    return (
      row && {
        id: row.id,
        announcementId: row.announcement_id,
        personId: row.person_id,
        groupId: row.group_id,
        acknowledgedAt: row.acknowledged_at,
        readAt: row.read_at,
      }
    );
  }

  async acknowledge(deliveryId: string, now: Date): Promise<boolean> {
    const at = now.toISOString();
    const result = await this.db
      .updateTable('announcement_deliveries')
      // Pressing Acknowledge shows the card was read, whether or not Teams sent a read receipt.
      .set((eb) => ({ acknowledged_at: at, read_at: eb.fn.coalesce('read_at', sql.lit(at)), updated_at: at }))
      .where('id', '=', deliveryId)
      .where('acknowledged_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async markReadUpTo(conversationId: string, lastReadMessageId: string, now: Date): Promise<number> {
    const unread = await this.db
      .selectFrom('announcement_deliveries')
      .select(['id', 'activity_id'])
      .where('conversation_id', '=', conversationId)
      .where('read_at', 'is', null)
      .where('sent_at', 'is not', null)
      .limit(1000)
      .execute();
    // Message ids in a Teams chat are times in milliseconds: compared as numbers, as botbuilder's
    // ReadReceiptInfo.isMessageRead does.
    const last = BigInt(lastReadMessageId);
    const read = unread
      .filter(
        (row) =>
          row.activity_id !== null && /^\d{1,20}$/.test(row.activity_id) && BigInt(row.activity_id) <= last,
      )
      .map((row) => row.id);
    if (read.length === 0) return 0;
    const at = now.toISOString();
    const result = await this.db
      .updateTable('announcement_deliveries')
      .set({ read_at: at, updated_at: at })
      .where('id', 'in', read)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async queueReminders(announcementId: string, now: Date): Promise<number> {
    const at = now.toISOString();
    const marked = await this.db
      .updateTable('announcements')
      .set({ reminded_at: at, updated_at: at })
      .where('id', '=', announcementId)
      .where('reminded_at', 'is', null)
      .where('state', '=', 'sending')
      .executeTakeFirst();
    if (Number(marked.numUpdatedRows) !== 1) return 0;
    const result = await this.db
      .updateTable('announcement_deliveries')
      .set({ state: 'queued', reminder: 1, attempts: 0, next_attempt_at: at, updated_at: at })
      .where('announcement_id', '=', announcementId)
      .where('state', '=', 'sent')
      .where('acknowledged_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async channelPosts(announcementId: string): Promise<ChannelPostOutcome[]> {
    const rows = await this.db
      .selectFrom('announcement_channel_posts as c')
      .innerJoin('groups as g', 'g.id', 'c.group_id')
      .select(['c.group_id', 'g.name', 'c.state', 'c.sent_at', 'c.failure_code', 'c.failure_reason'])
      .where('c.announcement_id', '=', announcementId)
      .orderBy('g.name')
      .execute();
    return rows.map((row) => ({
      groupId: row.group_id,
      groupName: row.name,
      state: row.state as ChannelPostOutcome['state'],
      sentAt: row.sent_at,
      failureCode: row.failure_code,
      failureReason: row.failure_reason,
    }));
  }
}
