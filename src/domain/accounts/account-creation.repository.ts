import type { AccountCreationSettings } from './account-creation-settings';

/** Someone who could get an account: known by phone, no account linked, in the organisation's groups. */
export interface AccountCandidate {
  personId: string;
  phone: string;
  /** The name an admin gave, else what the person typed on a join request; null when neither. */
  displayName: string | null;
}

/** One person of a creation job, as recorded step by step. */
export interface AccountCreationRow {
  jobId: string;
  personId: string;
  seq: number;
  displayName: string;
  upnBase: string;
  suffix: number;
  phone: string;
  usageLocation: string;
  objectId: string | null;
  /** A create request may have reached the directory unanswered: look the account up before creating. */
  sending: boolean;
  phoneMethod: boolean;
  smsSignIn: boolean;
  licenceGroup: boolean;
  outcome: AccountOutcome | null;
  reasonCode: string | null;
  reason: string | null;
}

/**
 * How a person's creation ended: `created` (every step), `partial` (the account exists, a later step
 * was refused: the reason says which), `failed` (no account), `skipped` (linked meanwhile).
 */
export type AccountOutcome = 'created' | 'partial' | 'failed' | 'skipped';

export type AccountCreationRowChange = Partial<
  Pick<
    AccountCreationRow,
    | 'suffix'
    | 'objectId'
    | 'sending'
    | 'phoneMethod'
    | 'smsSignIn'
    | 'licenceGroup'
    | 'outcome'
    | 'reasonCode'
    | 'reason'
  >
>;

export interface AccountCreationRepository {
  findSettings(organisationId: string): Promise<AccountCreationSettings | undefined>;
  saveSettings(organisationId: string, settings: AccountCreationSettings, updatedBy: string): Promise<void>;
  /**
   * People of the organisation's groups without an account but with a phone: the given ones, or
   * (ids undefined) everyone, at most `limit`, oldest first.
   */
  listCandidates(
    organisationId: string,
    personIds: readonly string[] | undefined,
    limit: number,
  ): Promise<AccountCandidate[]>;
  insertRows(rows: AccountCreationRow[], at: string): Promise<void>;
  /** The job's people not finished yet, in order, at most `limit`. */
  listOpenRows(jobId: string, limit: number): Promise<AccountCreationRow[]>;
  listRows(jobId: string, limit: number): Promise<AccountCreationRow[]>;
  countOutcomes(jobId: string): Promise<{ total: number } & Partial<Record<AccountOutcome, number>>>;
  updateRow(jobId: string, personId: string, change: AccountCreationRowChange, at: string): Promise<void>;
}
