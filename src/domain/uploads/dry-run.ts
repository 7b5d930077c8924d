import type { Actor } from '../access/actor';
import { parseRegion } from '../people/phone-number';
import type { DomainContext } from '../shared/unit-of-work.port';
import { requireOrgAdmin } from './org-admin';
import { loadKnownGroups, type UploadServices } from './receive-upload';
import type { UploadKind } from './upload';
import { validateCsv } from './validate-csv';
import type { ValidationSink, ValidationSummary } from './validation';

/**
 * Validates a file without recording anything (the CLI's `upload validate`): the same checks as an
 * upload, against the organisation's current groups.
 */
export async function dryRun(
  ctx: DomainContext,
  services: UploadServices,
  input: { kind: UploadKind; region?: string; bytes: AsyncIterable<Buffer | Uint8Array> },
  actor: Actor,
  sink: ValidationSink,
): Promise<ValidationSummary> {
  const organisation = await ctx.uow.run((repos) => requireOrgAdmin(repos, actor));
  const region = parseRegion(input.region?.trim() || organisation.defaultRegion);
  const knownGroups =
    input.kind === 'parent-group-mapping'
      ? await loadKnownGroups(ctx, services, organisation.id, undefined)
      : undefined;
  return validateCsv(
    input.bytes,
    { kind: input.kind, defaultRegion: region, knownGroups, phones: services.phones },
    sink,
  );
}
