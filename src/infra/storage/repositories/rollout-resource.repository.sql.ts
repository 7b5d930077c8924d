import type { Kysely, Selectable } from 'kysely';
import { isResourceType, type RolloutResource } from '../../../domain/rollout/rollout-resource';
import type { RolloutResourceRepository } from '../../../domain/rollout/rollout-resource.repository';
import type { Database, RolloutResourcesTable } from '../schema';

function toResource(row: Selectable<RolloutResourcesTable>): RolloutResource {
  if (!isResourceType(row.type))
    throw new Error(`Unknown rollout resource type "${row.type}" in row ${row.id}`);
  return {
    id: row.id,
    organisationId: row.organisation_id,
    title: row.title,
    fileName: row.file_name,
    type: row.type,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    uploadedBy: row.uploaded_by,
    uploadedAt: row.uploaded_at,
  };
}

export class SqlRolloutResourceRepository implements RolloutResourceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(resource: RolloutResource): Promise<void> {
    await this.db
      .insertInto('rollout_resources')
      .values({
        id: resource.id,
        organisation_id: resource.organisationId,
        title: resource.title,
        file_name: resource.fileName,
        type: resource.type,
        size_bytes: resource.sizeBytes,
        sha256: resource.sha256,
        uploaded_by: resource.uploadedBy,
        uploaded_at: resource.uploadedAt,
      })
      .execute();
  }

  async findById(id: string): Promise<RolloutResource | undefined> {
    const row = await this.db
      .selectFrom('rollout_resources')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toResource(row);
  }

  async findBySha256(organisationId: string, sha256: string): Promise<RolloutResource | undefined> {
    const row = await this.db
      .selectFrom('rollout_resources')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    return row && toResource(row);
  }

  async listForOrganisation(organisationId: string): Promise<RolloutResource[]> {
    const rows = await this.db
      .selectFrom('rollout_resources')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .orderBy('uploaded_at', 'desc')
      .orderBy('id')
      .execute();
    return rows.map(toResource);
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('rollout_resources').where('id', '=', id).execute();
  }

  async isChampInOrganisation(organisationId: string, personId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('champs')
      .innerJoin('groups', 'groups.id', 'champs.group_id')
      .select('champs.person_id')
      .where('groups.organisation_id', '=', organisationId)
      .where('champs.person_id', '=', personId)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }
}
