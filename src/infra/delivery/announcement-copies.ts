import type { Kysely } from 'kysely';
import { announcementImagePath } from '../../domain/announcements/announcement-image';
import type { Database } from '../storage/schema';
import type { Delivery } from './delivery';

/**
 * Claimed announcement copies with what the card says and what finding the person's chat needs (the
 * same person fields as an invite; the tenant to look a phone number up in is the announcement's
 * organisation's, else the sender's).
 */
export async function loadAnnouncementCopies(db: Kysely<Database>, ids: string[]): Promise<Delivery[]> {
  const rows = await db
    .selectFrom('announcement_deliveries as d')
    .innerJoin('announcements as a', 'a.id', 'd.announcement_id')
    .innerJoin('groups as g', 'g.id', 'd.group_id')
    .innerJoin('people as p', 'p.id', 'd.person_id')
    .leftJoin('organisations as o', 'o.id', 'g.organisation_id')
    .leftJoin('people as sender', 'sender.id', 'a.created_by')
    .select([
      'd.id',
      'd.attempts',
      'd.sending_since',
      'd.reminder',
      'd.group_id',
      'g.name as group_name',
      'o.tenant_id as organisation_tenant_id',
      'a.title',
      'a.body',
      'a.link_url',
      'a.link_label',
      'a.acknowledge',
      'a.image_path',
      'd.person_id',
      'p.phone as person_phone',
      'p.email as person_email',
      'p.employee_id as person_employee_id',
      'p.display_name as person_name',
      'p.tenant_id as person_tenant_id',
      'p.locale as person_locale',
      'p.aad_object_id as person_aad_object_id',
      'sender.display_name as sender_name',
      'sender.tenant_id as sender_tenant_id',
    ])
    .where('d.id', 'in', ids)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: 'announcement' as const,
    announcement: {
      deliveryId: row.id,
      title: row.title,
      body: row.body,
      senderName: row.sender_name,
      groupName: row.group_name,
      link: row.link_url ? { url: row.link_url, label: row.link_label ?? 'Open' } : null,
      acknowledge: Number(row.acknowledge) === 1,
      imagePath: announcementImagePath(row.image_path ? { path: row.image_path } : null),
      reminder: Number(row.reminder) === 1,
      locale: row.person_locale,
    },
    attempts: Number(row.attempts),
    interruptedSend: row.sending_since !== null,
    groupId: row.group_id,
    groupName: row.group_name,
    parentName: null,
    organisationTenantId: row.organisation_tenant_id,
    memberCount: 0,
    membershipState: null,
    personId: row.person_id,
    personPhone: row.person_phone,
    personEmail: row.person_email,
    personEmployeeId: row.person_employee_id,
    personName: row.person_name,
    personTenantId: row.person_tenant_id,
    personAadObjectId: row.person_aad_object_id,
    personLocale: row.person_locale,
    inviterName: row.sender_name,
    inviterTenantId: row.sender_tenant_id,
  }));
}
