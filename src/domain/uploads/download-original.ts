import type { Actor } from '../access/actor';
import type { DomainContext } from '../shared/unit-of-work.port';
import { loadUpload } from './org-admin';
import type { Upload } from './upload';
import type { UploadFiles } from './upload-files.port';

/** The file exactly as it was uploaded, for the admin to download again. */
export async function downloadOriginal(
  ctx: DomainContext,
  files: UploadFiles,
  uploadId: string,
  actor: Actor,
): Promise<{ upload: Upload; bytes: AsyncIterable<Buffer> }> {
  const upload = await ctx.uow.run((repos) => loadUpload(repos, actor, uploadId));
  return { upload, bytes: files.readOriginal(upload.id) };
}
