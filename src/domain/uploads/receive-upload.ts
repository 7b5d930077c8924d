import type { Actor } from '../access/actor';
import { groupNameKey, groupScopeKey } from '../groups/group';
import { keepLease } from '../jobs/keep-lease';
import { parseRegion } from '../people/phone-number';
import { newId } from '../shared/ids';
import type { DomainContext, Repositories } from '../shared/unit-of-work.port';
import { yieldToEventLoop } from '../shared/yield-to-event-loop';
import { requireOrgAdmin } from './org-admin';
import type { KnownGroups } from './parent-group-validator';
import type { PhoneBatchChecker } from './phone-batch-checker';
import {
  emptyCounts,
  GROUPS_TO_CREATE_NAMED,
  type GroupsToCreate,
  UPLOAD_VALIDATE_JOB,
  type Upload,
  type UploadKind,
} from './upload';
import { UploadRequestInvalid } from './upload.errors';
import type { ProblemTotal, UploadLogEntry } from './upload.repository';
import type { UploadFiles } from './upload-files.port';
import type { Problem } from './upload-problem';
import { fromUserGroupPlanFields } from './user-group-validator';
import { validateCsv } from './validate-csv';
import type { ValidationSink } from './validation';

/** The ports uploads need beyond the database. */
export interface UploadServices {
  files: UploadFiles;
  maxUploadBytes: number;
  /** Where validation checks phone numbers; on the calling thread when absent. */
  phones?: PhoneBatchChecker;
  /** The jobs' lease: after this long without renewal, a runner validates a file whose process died. */
  jobLeaseMs?: number;
}

/** A validation's claim on its job: who validates, and for how long without renewing. */
export interface ValidationLease {
  jobId: string;
  owner: string;
  leaseMs: number;
}

export interface ReceiveUploadInput {
  kind: UploadKind;
  fileName: string;
  /** Region for numbers without a country code; the organisation's default when absent. */
  region?: string;
  /** For a parent mapping: the user mapping upload whose groups will exist once it is applied. */
  companionUploadId?: string;
  bytes: AsyncIterable<Buffer | Uint8Array>;
}

/** What an upload answer carries: the job record, totals per problem code, and the first problems. */
export interface UploadReport {
  upload: Upload;
  totals: ProblemTotal[];
  problems: UploadLogEntry[];
}

/** Problems written per database round trip while a file is validated. */
const LOG_FLUSH = 500;
/** How many problems an upload answer includes; the rest are paged from the log. */
export const FIRST_PROBLEMS = 100;

/**
 * Receives a CSV file: stores it, records the upload job (`validating`), validates it as a dry run
 * (nothing in the organisation changes), keeps every problem in the job log and the valid rows as the
 * plan, and ends `ready` or `invalid`. The file is kept so that applying it can resume after a crash.
 */
export async function receiveUpload(
  ctx: DomainContext,
  services: UploadServices,
  input: ReceiveUploadInput,
  actor: Actor,
): Promise<UploadReport> {
  const organisation = await ctx.uow.run((repos) => requireOrgAdmin(repos, actor));
  const region = parseRegion(input.region?.trim() || organisation.defaultRegion);
  const companion = input.companionUploadId
    ? await ctx.uow.run((repos) => repos.uploads.findById(input.companionUploadId!))
    : undefined;
  if (
    input.companionUploadId &&
    (!companion || companion.organisationId !== organisation.id || companion.kind !== 'user-group-mapping')
  ) {
    throw new UploadRequestInvalid(
      'The companion upload must be a User Group Mapping upload of your organisation.',
      {
        companionUploadId: input.companionUploadId,
      },
    );
  }
  const id = newId();
  const { sizeBytes, sha256 } = await services.files.saveOriginal(id, input.bytes, services.maxUploadBytes);
  const now = ctx.clock.now().toISOString();
  const upload: Upload = {
    id,
    organisationId: organisation.id,
    kind: input.kind,
    fileName: input.fileName,
    sha256,
    sizeBytes,
    uploadedBy: actor.personId,
    uploadedAt: now,
    defaultRegion: region,
    status: 'validating',
    header: [],
    rowsTotal: 0,
    rowsValid: 0,
    rowsInvalid: 0,
    rowsDone: 0,
    errorCount: 0,
    warningCount: 0,
    counts: emptyCounts(),
    validRowsOnly: false,
    groupsToCreate: null,
    companionUploadId: companion?.id ?? null,
    startedAt: null,
    finishedAt: null,
    updatedAt: now,
  };
  const lease: ValidationLease = {
    jobId: newId(),
    owner: `validation:${id}`,
    leaseMs: services.jobLeaseMs ?? 30_000,
  };
  await ctx.uow.run(async (repos) => {
    await repos.uploads.insert(upload);
    // Validating is durable work too: should this process die before it ends, a job runner takes
    // the job over once the lease runs out and validates the kept file again (upload-validate.job.ts).
    await repos.jobs.enqueue({
      id: lease.jobId,
      kind: UPLOAD_VALIDATE_JOB,
      payload: { uploadId: id },
      createdAt: now,
      lease: { owner: lease.owner, expiresAt: new Date(Date.parse(now) + lease.leaseMs).toISOString() },
    });
  });
  const stopRenewal = keepLease(ctx.uow, ctx.clock, lease, () => undefined);
  let validated: Partial<Upload>;
  try {
    validated = await validateStoredUpload(ctx, services, upload);
  } finally {
    stopRenewal();
  }
  return ctx.uow.run(async (repos) => {
    const at = ctx.clock.now();
    // Recorded only while the lease is ours: otherwise a runner took over and records its own run.
    if (!(await repos.jobs.holdLease(lease.jobId, lease.owner, at, lease.leaseMs))) {
      return report(repos, (await repos.uploads.findById(id)) ?? upload);
    }
    await repos.uploads.update(id, validated);
    await repos.jobs.finish(lease.jobId, lease.owner, 'succeeded', at);
    return report(repos, { ...upload, ...validated });
  });
}

/**
 * Validates a stored upload from its kept original as a dry run: every problem goes to the job log
 * (entries are numbered, so a second run over the same file writes nothing twice), the valid rows
 * to the plan. Returns what to record on the upload: its totals and `ready` or `invalid`.
 */
export async function validateStoredUpload(
  ctx: DomainContext,
  services: UploadServices,
  upload: Upload,
): Promise<Partial<Upload>> {
  const companion = upload.companionUploadId
    ? await ctx.uow.run((repos) => repos.uploads.findById(upload.companionUploadId!))
    : undefined;
  const knownGroups =
    upload.kind === 'parent-group-mapping'
      ? await loadKnownGroups(ctx, services, upload.organisationId, companion)
      : undefined;
  const sink = new LogSink(ctx, upload.id, upload.kind === 'user-group-mapping');
  const plan = services.files.createPlan(upload.id);
  sink.plan = plan;
  const summary = await validateCsv(
    services.files.readOriginal(upload.id),
    {
      kind: upload.kind,
      defaultRegion: parseRegion(upload.defaultRegion),
      knownGroups,
      phones: services.phones,
    },
    sink,
  );
  await sink.drain();
  await plan.close();
  const groupsToCreate =
    upload.kind === 'user-group-mapping'
      ? await newGroups(ctx, upload, summary.rowsValid > 0 ? sink.addedGroups : new Map())
      : null;
  return {
    groupsToCreate,
    header: summary.header,
    rowsTotal: summary.rowsTotal,
    rowsValid: summary.rowsValid,
    rowsInvalid: summary.rowsInvalid,
    errorCount: summary.errorCount,
    warningCount: summary.warningCount,
    status: summary.errorCount > 0 ? 'invalid' : 'ready',
    updatedAt: ctx.clock.now().toISOString(),
  };
}

/** The upload with its problem totals and first page of problems. */
export async function report(repos: Repositories, upload: Upload): Promise<UploadReport> {
  const totals = await repos.uploads.problemTotals(upload.id, 'validation');
  const { entries } = await repos.uploads.readLog(upload.id, {
    phase: 'validation',
    offset: 0,
    limit: FIRST_PROBLEMS,
  });
  return { upload, totals, problems: entries };
}

/**
 * The groups of `named` (by name key) that the organisation does not have yet: the ones applying the
 * file will create, in the order the file first names them.
 */
async function newGroups(
  ctx: DomainContext,
  upload: Upload,
  named: ReadonlyMap<string, string>,
): Promise<GroupsToCreate> {
  const scope = groupScopeKey({ organisationId: upload.organisationId, createdBy: upload.uploadedBy });
  const existing = await ctx.uow.run((repos) => repos.bulk.groupsByNameKeys(scope, [...named.keys()]));
  const known = new Set(existing.map((group) => groupNameKey(group.name)));
  const names: string[] = [];
  let count = 0;
  for (const [key, name] of named) {
    if (known.has(key)) continue;
    count++;
    if (names.length < GROUPS_TO_CREATE_NAMED) names.push(name);
  }
  return { count, names };
}

/** Buffers problems and plan rows, writing them out whenever validation pauses to drain. */
class LogSink implements ValidationSink {
  plan: { write(fields: string[]): void; flush(): Promise<void> } | undefined;
  /** The groups rows add people to, by name key, as first spelled (User Group Mapping only). */
  readonly addedGroups = new Map<string, string>();
  /** Group names as the plan spells them, already seen: a file names the same few thousands of times. */
  private readonly seenNames = new Set<string>();
  private buffer: UploadLogEntry[] = [];
  private seq = 0;
  constructor(
    private readonly ctx: DomainContext,
    private readonly uploadId: string,
    private readonly collectGroups: boolean,
  ) {}

  problem(found: Problem, cells?: string[]): void {
    this.buffer.push({
      ...found,
      uploadId: this.uploadId,
      phase: 'validation',
      seq: ++this.seq,
      at: this.ctx.clock.now().toISOString(),
      cells: found.severity === 'error' && cells ? cells : null,
    });
  }

  planRow(fields: string[]): void {
    this.plan?.write(fields);
    if (!this.collectGroups) return;
    const row = fromUserGroupPlanFields(fields);
    if (row.action !== 'add' || this.seenNames.has(row.group)) return;
    this.seenNames.add(row.group);
    const key = groupNameKey(row.group);
    if (!this.addedGroups.has(key)) this.addedGroups.set(key, row.group);
  }

  async drain(): Promise<void> {
    await this.plan?.flush();
    while (this.buffer.length > 0) {
      const chunk = this.buffer.splice(0, LOG_FLUSH);
      await this.ctx.uow.run((repos) => repos.uploads.appendLog(chunk));
      // SQLite answers synchronously: without a turn of the event loop, a file with a problem on every
      // row would write thousands of entries as one uninterrupted task.
      await yieldToEventLoop();
    }
  }
}

/** The organisation's groups (with their parents) and the groups a companion upload will create. */
export async function loadKnownGroups(
  ctx: DomainContext,
  services: UploadServices,
  organisationId: string,
  companion: Upload | undefined,
): Promise<KnownGroups> {
  const groups = await ctx.uow.run((repos) => repos.groups.listForOrganisation(organisationId));
  const byId = new Map(groups.map((g) => [g.id, g]));
  const organisation = new Map(
    groups.map((g) => {
      const parent = g.parentId ? byId.get(g.parentId) : undefined;
      return [groupNameKey(g.name), { name: g.name, parentKey: parent ? groupNameKey(parent.name) : null }];
    }),
  );
  const companionGroups = new Set<string>();
  if (companion) {
    let offset = 0;
    while (true) {
      const page = await services.files.readPlan(companion.id, offset, 5000);
      for (const fields of page.rows) {
        const row = fromUserGroupPlanFields(fields);
        if (row.action === 'add') companionGroups.add(groupNameKey(row.group));
      }
      if (page.done) break;
      offset = page.nextOffset;
    }
  }
  return { organisation, companion: companionGroups };
}
