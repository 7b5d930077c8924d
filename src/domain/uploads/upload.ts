/** The two CSV files an org admin can upload. */
export const uploadKinds = ['user-group-mapping', 'parent-group-mapping'] as const;
export type UploadKind = (typeof uploadKinds)[number];

/**
 * Where an upload job stands: validated first (a dry run), then applied by the background worker.
 * `partial` means some rows failed while applying; `failed` means the job itself stopped.
 */
export const uploadStatuses = [
  'validating',
  'ready',
  'invalid',
  'running',
  'completed',
  'partial',
  'failed',
] as const;
export type UploadStatus = (typeof uploadStatuses)[number];

/** What applying a file changed, counted row by row. */
export interface UploadCounts {
  groupsCreated: number;
  membersAdded: number;
  membersRemoved: number;
  rolesChanged: number;
  parentsSet: number;
  unchanged: number;
  failed: number;
}

export const emptyCounts = (): UploadCounts => ({
  groupsCreated: 0,
  membersAdded: 0,
  membersRemoved: 0,
  rolesChanged: 0,
  parentsSet: 0,
  unchanged: 0,
  failed: 0,
});

export function addCounts(a: UploadCounts, b: Partial<UploadCounts>): UploadCounts {
  const sum = { ...a };
  for (const key of Object.keys(sum) as (keyof UploadCounts)[]) sum[key] += b[key] ?? 0;
  return sum;
}

/** Groups a checked file would create: how many, and the first of their names in file order. */
export interface GroupsToCreate {
  count: number;
  names: string[];
}

/** How many new groups' names a checked upload keeps to show; the count covers them all. */
export const GROUPS_TO_CREATE_NAMED = 200;

/** One uploaded file and the job that applies it: the upload id is the job id. */
export interface Upload {
  id: string;
  organisationId: string;
  kind: UploadKind;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  uploadedBy: string;
  uploadedAt: string;
  defaultRegion: string;
  status: UploadStatus;
  /** The file's header cells as written, so the error report can repeat them. */
  header: string[];
  /** Data rows in the file, and how many of them passed validation (the rows applying will touch). */
  rowsTotal: number;
  rowsValid: number;
  /** Rows with at least one error (left out when applying valid rows only). */
  rowsInvalid: number;
  rowsDone: number;
  errorCount: number;
  warningCount: number;
  counts: UploadCounts;
  validRowsOnly: boolean;
  /** For a user mapping, once checked: the groups applying it would create (the first names, and how many). */
  groupsToCreate: GroupsToCreate | null;
  /** For a parent mapping: the user mapping upload whose new groups count as known. */
  companionUploadId: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  updatedAt: string;
}

/** The apply job's kind in the generic job table. */
export const UPLOAD_APPLY_JOB = 'upload.apply';

/**
 * The validation job's kind: validation runs in the request that received the file, under this
 * job's lease, so that a runner validates the kept file again if that process dies on the way.
 */
export const UPLOAD_VALIDATE_JOB = 'upload.validate';

const applying: ReadonlySet<UploadStatus> = new Set(['running', 'completed', 'partial', 'failed']);

/**
 * Progress in the file's own rows, so the numbers match what the admin uploaded: rows left out for their
 * errors (or repeating an earlier row) are done as soon as applying starts, the others as they are applied.
 */
export function fileProgress(upload: Upload): { done: number; total: number } {
  const leftOut = applying.has(upload.status) ? upload.rowsTotal - upload.rowsValid : 0;
  return { done: Math.min(upload.rowsTotal, upload.rowsDone + leftOut), total: upload.rowsTotal };
}
