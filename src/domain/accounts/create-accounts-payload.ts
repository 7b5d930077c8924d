/** The job kind that creates accounts. */
export const CREATE_ACCOUNTS_JOB = 'accounts.create';

/** What a creation job was started with (the settings as they were then). */
export interface CreateAccountsPayload {
  organisationId: string;
  tenantId: string;
  domain: string;
  licenceGroupId: string | null;
  requestedBy: string;
}
