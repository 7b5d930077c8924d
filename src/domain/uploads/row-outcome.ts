/**
 * What applying an upload did to each person and group it touched. The apply step records these in
 * its own transaction, so the job log says, row by row, what happened.
 */
export const rowOutcomes = [
  'group-created',
  'added',
  'role-changed',
  'already-there',
  'removed',
  'not-a-member',
  'parent-set',
  'parent-already-set',
  'failed',
] as const;
export type RowOutcomeKind = (typeof rowOutcomes)[number];

/** The words for each outcome, the same in the API, the portal and the downloaded CSV. */
export const outcomeWords: Record<RowOutcomeKind, string> = {
  'group-created': 'Group created',
  added: 'Added',
  'role-changed': 'Role changed',
  'already-there': 'Already there',
  removed: 'Removed',
  'not-a-member': 'Not a member (nothing to remove)',
  'parent-set': 'Parent set',
  'parent-already-set': 'Parent already set',
  failed: 'Failed',
};

/** One outcome of one plan row of a batch, as the apply rules produce it. */
export interface RowOutcome {
  /** The row's index in its batch. */
  index: number;
  outcome: RowOutcomeKind;
  group: string;
  parent?: string;
  phone?: string;
  name?: string | null;
  role?: 'admin' | 'member';
  /** For `failed`: the coded reason. */
  code?: string;
  message?: string;
}

/** An outcome as kept in the job log. */
export interface UploadOutcomeEntry {
  uploadId: string;
  /** The plan row's number in the whole upload (1-based). */
  seq: number;
  /** 0 for a group the row created, 1 for the row itself. */
  part: 0 | 1;
  line: number | null;
  outcome: RowOutcomeKind;
  group: string;
  parent: string | null;
  phone: string | null;
  name: string | null;
  role: 'admin' | 'member' | null;
  code: string | null;
  message: string | null;
}

/** The most characters of search text accepted. */
export const MAX_OUTCOME_SEARCH = 100;

export interface OutcomeQuery {
  outcome?: RowOutcomeKind;
  /** Matches group, parent, name or phone (digits of a phone however it is written). */
  search?: string;
  offset: number;
  limit: number;
}

export interface OutcomeTotal {
  outcome: RowOutcomeKind;
  words: string;
  count: number;
}

/** An outcome with its words, as the API sends it. */
export type OutcomeView = Omit<UploadOutcomeEntry, 'uploadId'> & { words: string };

export const outcomeView = ({ uploadId: _uploadId, ...entry }: UploadOutcomeEntry): OutcomeView => ({
  ...entry,
  words: outcomeWords[entry.outcome],
});

/**
 * The text an entry is found by: lower-case names, and a phone's digits so "+91 98765-43210" and
 * "9876543210" both find it.
 */
export function outcomeSearchText(entry: Pick<UploadOutcomeEntry, 'group' | 'parent' | 'name' | 'phone'>) {
  return [entry.group, entry.parent, entry.name, entry.phone?.replace(/\D/g, '')]
    .filter((part): part is string => Boolean(part))
    .join('\n')
    .toLowerCase();
}

/** A search as it is matched: a phone-like search by its digits, anything else in lower case. */
export function outcomeSearchTerm(search: string): string {
  const trimmed = search.trim();
  return /^\+?[\d\s().-]+$/.test(trimmed) ? trimmed.replace(/\D/g, '') : trimmed.toLowerCase();
}
