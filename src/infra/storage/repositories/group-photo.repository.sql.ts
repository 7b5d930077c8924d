import type { Kysely, Selectable } from 'kysely';
import type { GroupPhoto, GroupPhotoRepository } from '../../../domain/group-photos/group-photo';
import type { Database, GroupPhotosTable } from '../schema';
import { inLists } from './in-lists';

function toPhoto(row: Selectable<GroupPhotosTable>): GroupPhoto {
  return {
    groupId: row.group_id,
    contentType: 'image/jpeg',
    // better-sqlite3 and pg both hand back a Buffer; the domain sees plain bytes.
    bytes: new Uint8Array(row.bytes),
    etag: row.etag,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
    tenantEtag: row.tenant_etag,
  };
}

export class SqlGroupPhotoRepository implements GroupPhotoRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(groupId: string): Promise<GroupPhoto | undefined> {
    const row = await this.db
      .selectFrom('group_photos')
      .selectAll()
      .where('group_id', '=', groupId)
      .executeTakeFirst();
    return row && toPhoto(row);
  }

  async etags(groupIds: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const part of inLists([...groupIds])) {
      const rows = await this.db
        .selectFrom('group_photos')
        .select(['group_id', 'etag'])
        .where('group_id', 'in', part)
        .execute();
      for (const row of rows) found.set(row.group_id, row.etag);
    }
    return found;
  }

  async save(photo: GroupPhoto): Promise<void> {
    const values = {
      content_type: photo.contentType,
      bytes: Buffer.from(photo.bytes),
      etag: photo.etag,
      updated_by: photo.updatedBy,
      updated_at: photo.updatedAt,
      tenant_etag: photo.tenantEtag,
    };
    await this.db
      .insertInto('group_photos')
      .values({ group_id: photo.groupId, ...values })
      .onConflict((oc) => oc.column('group_id').doUpdateSet(values))
      .execute();
  }

  async markSetInTenant(groupId: string, etag: string): Promise<void> {
    await this.db
      .updateTable('group_photos')
      .set({ tenant_etag: etag })
      .where('group_id', '=', groupId)
      .where('etag', '=', etag)
      .execute();
  }
}
