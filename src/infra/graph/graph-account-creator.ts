import { setTimeout as sleep } from 'node:timers/promises';
import { parsePhoneNumberWithError } from 'libphonenumber-js/max';
import type {
  AccountCreator,
  AccountStepFailureCode,
  AccountStepResult,
  ExistingAccount,
  NewAccount,
  SettingsCheckItem,
} from '../../domain/accounts/account-creator.port';
import { checkAccountCreationAccess } from './graph-account-checks';
import {
  BATCH_LIMIT,
  graphErrorMessage,
  type SubRequest,
  type SubResponse,
  sendBatched,
} from './graph-batcher';
import type { GraphClients, GraphTokenSource } from './graph-client';
import { GraphRequestFailed } from './graph-directory';
import { GRAPH_DIRECTORY_WRITE_LIMIT, type WriteLimit, WritePacer } from './write-pacer';

/** The mobile phone method's fixed id in Graph (`phoneType: mobile`). */
export const MOBILE_METHOD_ID = '3179e48a-750b-4051-897c-87b9720928f7';
/** Values in one `in (…)` filter. */
const FILTER_VALUES = 15;
/** Members Graph adds in one PATCH. */
const MEMBERS_PER_REQUEST = 20;

export interface GraphAccountCreatorOptions {
  /** The write quota to stay under (Graph's published one unless a test says otherwise). */
  writeLimit?: WriteLimit;
  /** Wait while Entra replicates a just-created account before a step that names it, and how often. */
  replicationDelayMs?: number;
  replicationRetries?: number;
  throttleDefaultMs?: number;
}

type Outcome = { status: number; message: string };

/**
 * Creates frontline accounts through Microsoft Graph with application permissions. Every step goes
 * in JSON `$batch`es of 20 (POST /users is allowed in a batch; so are the phone method calls and the
 * group PATCH), each batch paced under the tenant's directory write quota; batches a throttled
 * sub-request is re-sent from honour its Retry-After (GraphBatcher). A step that names an account
 * Entra has not replicated yet (404 / "does not exist") is tried again after a pause.
 */
export class GraphAccountCreator implements AccountCreator {
  private readonly pacers = new Map<string, WritePacer>();

  constructor(
    private readonly clients: GraphClients,
    private readonly tokens: GraphTokenSource,
    private readonly options: GraphAccountCreatorOptions = {},
  ) {}

  async verifiedDomains(tenantId: string): Promise<string[]> {
    const page = (await this.clients.forTenant(tenantId).api('/domains?$select=id,isVerified').get()) as {
      value: Array<{ id: string; isVerified?: boolean }>;
    };
    return page.value.filter((d) => d.isVerified).map((d) => d.id.toLowerCase());
  }

  async groupExists(tenantId: string, groupId: string): Promise<boolean> {
    try {
      await this.clients
        .forTenant(tenantId)
        .api(`/groups/${encodeURIComponent(groupId)}?$select=id`)
        .get();
      return true;
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return false;
      throw error;
    }
  }

  check(
    tenantId: string,
    settings: { domain: string; licenceGroupId: string | null },
  ): Promise<SettingsCheckItem[]> {
    return checkAccountCreationAccess(
      this,
      this.clients.forTenant(tenantId),
      () => this.tokens(tenantId),
      tenantId,
      settings,
    );
  }

  async findAccounts(tenantId: string, upns: readonly string[]): Promise<Map<string, ExistingAccount>> {
    const wanted = [...new Set(upns.map((u) => u.toLowerCase()))];
    const requests: SubRequest[] = [];
    for (let i = 0; i < wanted.length; i += FILTER_VALUES) {
      const values = wanted.slice(i, i + FILTER_VALUES).map((u) => `'${u.replace(/'/g, "''")}'`);
      const filter = encodeURIComponent(`userPrincipalName in (${values.join(',')})`);
      requests.push({
        method: 'GET',
        url: `/users?$filter=${filter}&$select=id,userPrincipalName,mobilePhone`,
      });
    }
    const answers = await sendBatched(this.clients.forTenant(tenantId), requests, {
      defaultRetryAfterMs: this.options.throttleDefaultMs,
    });
    const found = new Map<string, ExistingAccount>();
    for (const answer of answers) {
      if (answer.status !== 200)
        throw new GraphRequestFailed(
          answer.status,
          `Looking sign-in names up failed: ${graphErrorMessage(answer.body)}`,
        );
      for (const user of (
        answer.body as {
          value: Array<{ id: string; userPrincipalName: string; mobilePhone?: string | null }>;
        }
      ).value)
        found.set(user.userPrincipalName.toLowerCase(), {
          objectId: user.id,
          userPrincipalName: user.userPrincipalName,
          mobilePhone: user.mobilePhone ?? null,
        });
    }
    return found;
  }

  async createAccounts(tenantId: string, accounts: readonly NewAccount[]): Promise<AccountStepResult[]> {
    const answers = await this.sendWrites(
      tenantId,
      accounts.map((a) => ({
        method: 'POST' as const,
        url: '/users',
        body: {
          accountEnabled: true,
          displayName: a.displayName,
          userPrincipalName: a.userPrincipalName,
          mailNickname: a.mailNickname,
          usageLocation: a.usageLocation,
          mobilePhone: a.mobilePhone,
          // Nobody ever sees or types it: people sign in with a code sent to their phone.
          passwordProfile: { password: randomPassword(), forceChangePasswordNextSignIn: false },
        },
      })),
      () => false,
    );
    return accounts.map((account, i) => {
      const { status, message } = answers[i]!;
      const body = answers[i]!.body as { id?: string } | undefined;
      if (status === 201 && body?.id) return { key: account.key, ok: true, objectId: body.id };
      if (/userPrincipalName already exists|same value for property userPrincipalName/i.test(message))
        return refused(account.key, 'UPN_TAKEN', `${account.userPrincipalName} is taken.`);
      return refused(account.key, 'ACCOUNT_REFUSED', `Entra refused the account: ${message}`);
    });
  }

  async addMobilePhones(
    tenantId: string,
    items: ReadonlyArray<{ key: string; objectId: string; phone: string }>,
  ): Promise<AccountStepResult[]> {
    const answers = await this.sendWrites(
      tenantId,
      items.map((item) => ({
        method: 'POST' as const,
        url: `/users/${item.objectId}/authentication/phoneMethods`,
        body: { phoneNumber: graphPhoneNumber(item.phone), phoneType: 'mobile' },
      })),
      isReplicationDelay,
    );
    return items.map((item, i) => {
      const { status, message } = answers[i]!;
      // A repeat after a crash finds the method there already: the step is done.
      if (status < 300 || /already exists/i.test(message)) return done(item);
      return refused(
        item.key,
        'PHONE_METHOD_REFUSED',
        `The mobile number could not be registered: ${message}`,
      );
    });
  }

  async enableSmsSignIn(
    tenantId: string,
    items: ReadonlyArray<{ key: string; objectId: string }>,
  ): Promise<AccountStepResult[]> {
    const answers = await this.sendWrites(
      tenantId,
      items.map((item) => ({
        method: 'POST' as const,
        url: `/users/${item.objectId}/authentication/phoneMethods/${MOBILE_METHOD_ID}/enableSmsSignIn`,
      })),
      isReplicationDelay,
    );
    return items.map((item, i) => {
      const { status, message } = answers[i]!;
      if (status < 300) return done(item);
      if (status === 409 || /another user|not unique|already (registered|in use)|conflict/i.test(message))
        return refused(
          item.key,
          'SMS_SIGN_IN_CONFLICT',
          `SMS sign-in was refused: the number is used by another account (${message}).`,
        );
      return refused(item.key, 'SMS_SIGN_IN_REFUSED', `SMS sign-in was refused: ${message}`);
    });
  }

  async addToGroup(
    tenantId: string,
    groupId: string,
    items: ReadonlyArray<{ key: string; objectId: string }>,
  ): Promise<AccountStepResult[]> {
    const chunks: Array<ReadonlyArray<{ key: string; objectId: string }>> = [];
    for (let i = 0; i < items.length; i += MEMBERS_PER_REQUEST)
      chunks.push(items.slice(i, i + MEMBERS_PER_REQUEST));
    const bind = (id: string) => `https://graph.microsoft.com/v1.0/directoryObjects/${id}`;
    const answers = await this.sendWrites(
      tenantId,
      chunks.map((chunk) => ({
        method: 'PATCH' as const,
        url: `/groups/${groupId}`,
        body: { 'members@odata.bind': chunk.map((item) => bind(item.objectId)) },
      })),
      memberNotReplicated,
    );
    const results: AccountStepResult[] = [];
    for (const [c, chunk] of chunks.entries()) {
      const { status, message } = answers[c]!;
      if (status < 300) results.push(...chunk.map(done));
      else if (status === 404)
        results.push(
          ...chunk.map((item) =>
            refused(item.key, 'LICENCE_GROUP_MISSING', `The licensing group ${groupId} no longer exists.`),
          ),
        );
      else if (/already exist/i.test(message)) {
        // Some were members already (a repeat after a crash): add the chunk one by one, skipping those.
        const one = await this.sendWrites(
          tenantId,
          chunk.map((item) => ({
            method: 'POST' as const,
            url: `/groups/${groupId}/members/$ref`,
            body: { '@odata.id': bind(item.objectId) },
          })),
          memberNotReplicated,
        );
        results.push(
          ...chunk.map((item, i) =>
            one[i]!.status < 300 || /already exist/i.test(one[i]!.message)
              ? done(item)
              : refused(
                  item.key,
                  'LICENCE_GROUP_REFUSED',
                  `Joining the licensing group failed: ${one[i]!.message}`,
                ),
          ),
        );
      } else
        results.push(
          ...chunk.map((item) =>
            refused(item.key, 'LICENCE_GROUP_REFUSED', `Joining the licensing group failed: ${message}`),
          ),
        );
    }
    return results;
  }

  /**
   * Sends write sub-requests in paced `$batch`es of 20, two batches in flight. Answers that still say
   * throttled or unavailable after the batcher's rounds are errors (the job tries again later); answers
   * `notReplicated` recognises ("does not exist" for a just-created account) are re-sent after a pause.
   */
  private async sendWrites(
    tenantId: string,
    requests: SubRequest[],
    notReplicated: (status: number, message: string) => boolean,
  ): Promise<Array<SubResponse & Outcome>> {
    const answers: Array<SubResponse & Outcome> = new Array(requests.length);
    let pending = requests.map((_, i) => i);
    for (let attempt = 0; pending.length > 0; attempt++) {
      const chunks: number[][] = [];
      for (let i = 0; i < pending.length; i += BATCH_LIMIT) chunks.push(pending.slice(i, i + BATCH_LIMIT));
      const again: number[] = [];
      await Promise.all(
        [0, 1].map(async () => {
          for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
            await this.pacer(tenantId).take(chunk.length);
            const sent = await sendBatched(
              this.clients.forTenant(tenantId),
              chunk.map((i) => requests[i]!),
              { concurrency: 1, defaultRetryAfterMs: this.options.throttleDefaultMs },
            );
            for (const [j, answer] of sent.entries()) {
              const message = graphErrorMessage(answer.body);
              if (answer.status === 429 || answer.status >= 500)
                throw new GraphRequestFailed(answer.status, `Graph did not take a write: ${message}`);
              const index = chunk[j]!;
              if (notReplicated(answer.status, message) && attempt < this.replicationRetries())
                again.push(index);
              else answers[index] = { ...answer, message };
            }
          }
        }),
      );
      if (again.length > 0) await sleep(this.options.replicationDelayMs ?? 5000);
      pending = again.sort((a, b) => a - b);
    }
    return answers;
  }

  private pacer(tenantId: string): WritePacer {
    let pacer = this.pacers.get(tenantId);
    if (!pacer) {
      pacer = new WritePacer(this.options.writeLimit ?? GRAPH_DIRECTORY_WRITE_LIMIT);
      this.pacers.set(tenantId, pacer);
    }
    return pacer;
  }

  private replicationRetries(): number {
    return this.options.replicationRetries ?? 6;
  }
}

const done = (item: { key: string; objectId: string }): AccountStepResult => ({
  key: item.key,
  ok: true,
  objectId: item.objectId,
});

const refused = (key: string, code: AccountStepFailureCode, message: string): AccountStepResult => ({
  key,
  ok: false,
  code,
  message,
});

/** Graph wants "+{country code} {number}" for phone methods, e.g. "+91 9988554401". */
export function graphPhoneNumber(e164: string): string {
  const parsed = parsePhoneNumberWithError(e164);
  return `+${parsed.countryCallingCode} ${parsed.nationalNumber}`;
}

/** 24 random characters from every class Entra's password policy asks for; never stored or shown. */
function randomPassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!#$%*+-=?@^_'];
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return Array.from(bytes, (byte, i) => {
    const set = sets[i % sets.length]!;
    return set[byte % set.length];
  }).join('');
}

/** A member named in a group request that Entra has not replicated yet (a missing group is a 404). */
function memberNotReplicated(status: number, message: string): boolean {
  return status === 400 && /do(es)? not exist/i.test(message);
}

/** Entra's answers while a just-created account has not reached every replica yet. */
function isReplicationDelay(status: number, message: string): boolean {
  return status === 404 || (status === 400 && /do(es)? not exist|Request_ResourceNotFound/i.test(message));
}
