import { parsePhoneNumberWithError } from 'libphonenumber-js/max';
import type { DirectoryMatch, DirectoryQuery } from '../../domain/directory/directory.port';
import { type DirectoryCandidate, directoryKey, matchPeople } from '../../domain/directory/match-people';
import { PhoneInvalid } from '../../domain/people/phone.errors';
import { parseRegion, toE164 } from '../../domain/people/phone-number';
import { BATCH_LIMIT, graphErrorMessage, type SubRequest, sendBatched } from './graph-batcher';
import type { GraphClients } from './graph-client';
import { GraphRequestFailed } from './graph-request-failed';

/** Values Graph accepts in one `in (…)` filter. */
export const FILTER_VALUES = 15;
/** The largest page `/users` returns. */
export const PAGE_SIZE = 999;

const LOOKUP_FIELDS = 'id,mobilePhone,businessPhones,displayName,userPrincipalName,mail,employeeId';
/**
 * Graph's advanced query: a lambda on `businessPhones` is refused without it. `employeeId` is sent the
 * same way, which Graph accepts for every filter it answers by default too.
 */
const ADVANCED = { ConsistencyLevel: 'eventual' };

export interface GraphUserLookupOptions {
  /** Region for reading directory phone numbers written without a country code. */
  defaultRegion: string;
  throttleDefaultMs?: number;
}

interface GraphUser {
  id: string;
  mobilePhone?: string | null;
  businessPhones?: string[];
  displayName?: string | null;
  userPrincipalName?: string | null;
  mail?: string | null;
  employeeId?: string | null;
}

/**
 * Finds people's existing accounts in Entra by every identifier at once, with as few requests as
 * possible: `$batch`es of 20 filtered requests (15 values each) over `mobilePhone`, `businessPhones`
 * (an advanced query), `mail`, `userPrincipalName` and `employeeId`; or, when the tenant is small next
 * to the list, every user in pages of 999, matched locally. Either way every phone Graph returns is
 * read to E.164 before it is compared.
 */
export class GraphUserLookup {
  constructor(
    private readonly clients: GraphClients,
    private readonly options: GraphUserLookupOptions,
  ) {}

  async findPeople(
    tenantId: string,
    queries: readonly DirectoryQuery[],
  ): Promise<Map<string, DirectoryMatch>> {
    const wanted = wantedValues(queries);
    const requests = filterRequests(wanted);
    if (requests.length === 0) return new Map();
    const filterBatches = Math.ceil(requests.length / BATCH_LIMIT);
    let users: GraphUser[] | undefined;
    if (filterBatches > 2) {
      const count = await this.countUsers(tenantId);
      if (count !== undefined && Math.ceil(count / PAGE_SIZE) < filterBatches) {
        users = await this.allUsers(tenantId);
      }
    }
    users ??= await this.filtered(tenantId, requests);
    return matchPeople(queries, this.candidates(tenantId, users, wanted));
  }

  /** A number as the directory holds it, in E.164; undefined when it cannot be read as a number. */
  normalise(raw: string): string | undefined {
    try {
      return toE164(raw, parseRegion(this.options.defaultRegion));
    } catch (error) {
      if (error instanceof PhoneInvalid) return undefined;
      throw error;
    }
  }

  private async countUsers(tenantId: string): Promise<number | undefined> {
    try {
      const count = await this.clients
        .forTenant(tenantId)
        .api('/users/$count')
        .header('ConsistencyLevel', 'eventual')
        .get();
      return Number(count);
    } catch {
      return undefined;
    }
  }

  private async filtered(tenantId: string, requests: SubRequest[]): Promise<GraphUser[]> {
    const answers = await sendBatched(this.clients.forTenant(tenantId), requests, {
      defaultRetryAfterMs: this.options.throttleDefaultMs,
    });
    const users: GraphUser[] = [];
    for (const answer of answers) {
      if (answer.status !== 200) {
        throw new GraphRequestFailed(
          answer.status,
          `Graph user lookup failed: ${graphErrorMessage(answer.body)}`,
        );
      }
      users.push(...(answer.body as { value: GraphUser[] }).value);
    }
    return users;
  }

  private async allUsers(tenantId: string): Promise<GraphUser[]> {
    const client = this.clients.forTenant(tenantId);
    const users: GraphUser[] = [];
    let path: string | undefined = `/users?$select=${LOOKUP_FIELDS}&$top=${PAGE_SIZE}`;
    while (path) {
      const page = (await client.api(path).get()) as { value: GraphUser[]; '@odata.nextLink'?: string };
      users.push(...page.value);
      path = page['@odata.nextLink'] ? this.clients.relativeLink(page['@odata.nextLink']) : undefined;
    }
    return users;
  }

  /** The users that hold a wanted value, their phones read to E.164 (a tenant's worth when paging). */
  private *candidates(
    tenantId: string,
    users: GraphUser[],
    wanted: WantedValues,
  ): Iterable<DirectoryCandidate> {
    const has = (set: Set<string>, value: string | null, field: 'mail' | 'employeeId') =>
      value !== null && set.has(directoryKey(field, value));
    for (const u of users) {
      const mobilePhone = u.mobilePhone ? (this.normalise(u.mobilePhone) ?? null) : null;
      const businessPhones = (u.businessPhones ?? []).flatMap((raw) => this.normalise(raw) ?? []);
      const mail = u.mail ?? null;
      const userPrincipalName = u.userPrincipalName ?? null;
      const employeeId = u.employeeId ?? null;
      const relevant =
        (mobilePhone !== null && wanted.phones.has(mobilePhone)) ||
        businessPhones.some((p) => wanted.phones.has(p)) ||
        has(wanted.emails, mail, 'mail') ||
        has(wanted.emails, userPrincipalName, 'mail') ||
        has(wanted.employeeIds, employeeId, 'employeeId');
      if (!relevant) continue;
      yield {
        user: { tenantId, aadObjectId: u.id, displayName: u.displayName ?? null, userPrincipalName },
        mobilePhone,
        businessPhones,
        mail,
        userPrincipalName,
        employeeId,
      };
    }
  }
}

interface WantedValues {
  phones: Set<string>;
  /** Lower case. */
  emails: Set<string>;
  /** Lower case, as compared. */
  employeeIds: Set<string>;
  /** Each employee id as the organisation spelled it (sent as given: Graph may compare it with case). */
  employeeIdSpellings: Map<string, string>;
}

function wantedValues(queries: readonly DirectoryQuery[]): WantedValues {
  const wanted: WantedValues = {
    phones: new Set(),
    emails: new Set(),
    employeeIds: new Set(),
    employeeIdSpellings: new Map(),
  };
  for (const q of queries) {
    if (q.phone) wanted.phones.add(q.phone);
    if (q.email) wanted.emails.add(directoryKey('mail', q.email));
    if (q.employeeId) {
      const key = directoryKey('employeeId', q.employeeId);
      wanted.employeeIds.add(key);
      if (!wanted.employeeIdSpellings.has(key)) wanted.employeeIdSpellings.set(key, q.employeeId.trim());
    }
  }
  return wanted;
}

/**
 * Directory entries hold numbers as someone typed them. Each number is looked for in E.164 and in
 * the international format Microsoft 365 shows and most admins copy (`+91 98765 43210`,
 * `+1 425 555 0109`); other spellings are found when the tenant is paged instead.
 */
export function phoneSpellings(e164: string): string[] {
  try {
    return [...new Set([e164, parsePhoneNumberWithError(e164).formatInternational()])];
  } catch {
    return [e164];
  }
}

/** Splits values into lists of at most FILTER_VALUES, keeping a value's spellings in one list. */
function valueLists(groups: string[][]): string[][] {
  const lists: string[][] = [];
  let current: string[] = [];
  for (const spellings of groups) {
    if (current.length + spellings.length > FILTER_VALUES) {
      lists.push(current);
      current = [];
    }
    current.push(...spellings);
  }
  if (current.length > 0) lists.push(current);
  return lists;
}

const quoted = (values: string[]) => values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',');

/** The filtered `/users` requests for everything wanted, one field per request. */
function filterRequests(wanted: WantedValues): SubRequest[] {
  const request = (filter: string, advanced: boolean): SubRequest => ({
    method: 'GET',
    url: `/users?$filter=${encodeURIComponent(filter)}${advanced ? '&$count=true' : ''}&$select=${LOOKUP_FIELDS}&$top=${PAGE_SIZE}`,
    ...(advanced ? { headers: ADVANCED } : {}),
  });
  const phoneLists = valueLists([...wanted.phones].map(phoneSpellings));
  const emailLists = valueLists([...wanted.emails].map((e) => [e]));
  const idLists = valueLists([...wanted.employeeIdSpellings.values()].map((id) => [id]));
  return [
    ...phoneLists.map((list) => request(`mobilePhone in (${quoted(list)})`, false)),
    ...phoneLists.map((list) => request(`businessPhones/any(p:p in (${quoted(list)}))`, true)),
    ...emailLists.map((list) => request(`mail in (${quoted(list)})`, false)),
    ...emailLists.map((list) => request(`userPrincipalName in (${quoted(list)})`, false)),
    ...idLists.map((list) => request(`employeeId in (${quoted(list)})`, true)),
  ];
}

/** Filtered requests the lookup of these values needs (for the benchmark's minimum). */
export const filterRequestCount = (queries: readonly DirectoryQuery[]): number =>
  filterRequests(wantedValues(queries)).length;
