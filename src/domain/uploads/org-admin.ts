import type { Actor } from '../access/actor';
import type { Organisation } from '../organisations/organisation';
import type { Repositories } from '../shared/unit-of-work.port';
import type { Upload } from './upload';
import { OrgAdminsOnly, UploadNotFound } from './upload.errors';

/** Uploads are an org admin's tool: the actor's proven tenant must be an organisation they run. */
export async function requireOrgAdmin(repos: Repositories, actor: Actor): Promise<Organisation> {
  const organisation = actor.tenantId ? await repos.organisations.findByTenantId(actor.tenantId) : undefined;
  if (!organisation || !(await repos.roles.isOrgAdmin(organisation.id, actor.personId)))
    throw new OrgAdminsOnly();
  return organisation;
}

/** An upload of the actor's organisation; another organisation's uploads do not exist for them. */
export async function loadUpload(repos: Repositories, actor: Actor, uploadId: string): Promise<Upload> {
  const organisation = await requireOrgAdmin(repos, actor);
  const upload = await repos.uploads.findById(uploadId);
  if (!upload || upload.organisationId !== organisation.id) throw new UploadNotFound(uploadId);
  return upload;
}
