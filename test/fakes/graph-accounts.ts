import { randomUUID } from 'node:crypto';
import type { FakeGroup, FakeUser } from './graph-server';

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

const MOBILE_METHOD_ID = '3179e48a-750b-4051-897c-87b9720928f7';

/**
 * The account creation half of the loopback Graph: `POST /users` (sign-in names unique, without
 * regard to case), sign-in names looked up with `userPrincipalName in (…)`, phone methods and SMS
 * sign-in (a number can be used for SMS sign-in by one account only), `/domains`, a group read,
 * the SMS authentication method policy, and a directory write quota it enforces on every write,
 * inside `$batch` too (429 with Retry-After, as Graph's identity service does). GraphServer routes
 * every request here first; what this does not answer goes on to GraphServer's own routes.
 */
export class GraphAccounts {
  readonly domains = [{ id: 'contoso.example', isVerified: true }];
  /** userId → its phone methods (Graph's `+91 9988554401` format) and whether SMS sign-in is on. */
  readonly phoneMethods = new Map<string, { phoneNumber: string; smsSignIn: boolean }>();
  /** Numbers (E.164) some other account already uses for SMS sign-in, outside what this fake created. */
  readonly smsTakenNumbers = new Set<string>();
  /** Every POST /users that created an account, by sign-in name (a second one would be a duplicate). */
  readonly created: string[] = [];
  /** The write quota enforced, if any: writes in a sliding window. */
  writeLimit: { writes: number; windowMs: number } | undefined;
  /** Writes refused for being over the quota. */
  throttledWrites = 0;
  /** Whole 5xx answers to give the next writes. */
  failNextWrites = 0;
  smsPolicy = { state: 'enabled', includeTargets: [{ id: 'all_users', isUsableForSignIn: true }] };
  private readonly writeTimes: number[] = [];

  constructor(
    private readonly users: FakeUser[],
    private readonly groups: Map<string, FakeGroup>,
  ) {}

  /** Adds a group (a licensing group) that account creation can find and add members to. */
  addGroup(displayName: string): FakeGroup {
    const group: FakeGroup = {
      id: randomUUID(),
      displayName,
      mailNickname: displayName.replace(/[^a-z0-9]/gi, ''),
      owners: new Set(),
      members: new Set(),
      team: false,
    };
    this.groups.set(group.id, group);
    return group;
  }

  route(method: string, path: string, params: URLSearchParams, body: unknown): Answer | undefined {
    if (method !== 'GET') {
      const refused = this.overQuota();
      if (refused) return refused;
      if (this.failNextWrites > 0) {
        this.failNextWrites--;
        return { status: 503, body: error('ServiceUnavailable', 'Injected fault') };
      }
    }
    if (method === 'GET' && path === '/domains') return { status: 200, body: { value: this.domains } };
    if (
      method === 'GET' &&
      path === '/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/sms'
    )
      return { status: 200, body: { id: 'Sms', ...this.smsPolicy } };
    if (method === 'GET' && path === '/users') {
      const filter = params.get('$filter') ?? '';
      const values = /^userPrincipalName in \((.*)\)$/.exec(filter)?.[1]?.match(/'((?:[^']|'')*)'/g);
      if (!values) return undefined;
      if (values.length > 15)
        return { status: 400, body: error('BadRequest', 'Too many values in the in clause.') };
      const wanted = new Set(values.map((v) => v.slice(1, -1).replace(/''/g, "'").toLowerCase()));
      return {
        status: 200,
        body: { value: this.users.filter((u) => wanted.has(u.userPrincipalName.toLowerCase())) },
      };
    }
    if (method === 'POST' && path === '/users') return this.createUser(body as Record<string, unknown>);
    const group = /^\/groups\/([^/]+)$/.exec(path);
    if (method === 'GET' && group) {
      const found = this.groups.get(group[1]!);
      return found
        ? { status: 200, body: { id: found.id, displayName: found.displayName } }
        : { status: 404, body: error('Request_ResourceNotFound', `Resource '${group[1]}' does not exist.`) };
    }
    const methods = /^\/users\/([^/]+)\/authentication\/phoneMethods(?:\/([^/]+)\/enableSmsSignIn)?$/.exec(
      path,
    );
    if (method === 'POST' && methods)
      return this.phoneMethod(methods[1]!, methods[2], body as Record<string, unknown>);
    return undefined;
  }

  private overQuota(): Answer | undefined {
    if (!this.writeLimit) return undefined;
    const now = performance.now();
    const { writes, windowMs } = this.writeLimit;
    while (this.writeTimes.length > 0 && this.writeTimes[0]! <= now - windowMs) this.writeTimes.shift();
    if (this.writeTimes.length < writes) {
      this.writeTimes.push(now);
      return undefined;
    }
    this.throttledWrites++;
    const retryAfter = Math.max(1, Math.ceil((this.writeTimes[0]! + windowMs - now) / 1000));
    return {
      status: 429,
      body: error('TooManyRequests', 'Your request is throttled temporarily.'),
      headers: { 'Retry-After': String(retryAfter), 'x-ms-throttle-information': 'WriteLimitExceeded' },
    };
  }

  private createUser(body: Record<string, unknown>): Answer {
    const upn = String(body.userPrincipalName ?? '');
    const password = (body.passwordProfile as { password?: string } | undefined)?.password ?? '';
    if (
      !body.displayName ||
      !upn.includes('@') ||
      !body.mailNickname ||
      body.accountEnabled === undefined ||
      password.length < 8
    )
      return { status: 400, body: error('Request_BadRequest', 'A required property is missing.') };
    if (!this.domains.some((d) => d.isVerified && upn.toLowerCase().endsWith(`@${d.id}`)))
      return {
        status: 400,
        body: error('Request_BadRequest', 'The domain portion of the userPrincipalName property is invalid.'),
      };
    if (this.users.some((u) => u.userPrincipalName.toLowerCase() === upn.toLowerCase()))
      return {
        status: 400,
        body: error(
          'Request_BadRequest',
          'Another object with the same value for property userPrincipalName already exists.',
        ),
      };
    const user: FakeUser = {
      id: randomUUID(),
      displayName: String(body.displayName),
      userPrincipalName: upn,
      mobilePhone: (body.mobilePhone as string | undefined) ?? null,
      businessPhones: [],
    };
    this.users.push(user);
    this.created.push(upn);
    return { status: 201, body: { ...user } };
  }

  private phoneMethod(userId: string, methodId: string | undefined, body: Record<string, unknown>): Answer {
    if (!this.users.some((u) => u.id === userId))
      return { status: 404, body: error('Request_ResourceNotFound', `Resource '${userId}' does not exist.`) };
    const current = this.phoneMethods.get(userId);
    if (methodId === undefined) {
      const phoneNumber = String(body.phoneNumber ?? '');
      if (body.phoneType !== 'mobile' || !/^\+\d{1,3} \d{4,14}$/.test(phoneNumber))
        return {
          status: 400,
          body: error('invalidPhoneNumber', 'The phone number is not in the expected format.'),
        };
      if (current)
        return { status: 400, body: error('badRequest', 'A phone method of this type already exists.') };
      this.phoneMethods.set(userId, { phoneNumber, smsSignIn: false });
      return {
        status: 201,
        body: {
          id: MOBILE_METHOD_ID,
          phoneNumber,
          phoneType: 'mobile',
          smsSignInState: 'notAllowedByPolicy',
        },
      };
    }
    if (methodId !== MOBILE_METHOD_ID || !current)
      return { status: 404, body: error('NotFound', 'The phone method does not exist.') };
    const e164 = current.phoneNumber.replace(' ', '');
    const taken =
      this.smsTakenNumbers.has(e164) ||
      [...this.phoneMethods.entries()].some(
        ([id, m]) => id !== userId && m.smsSignIn && m.phoneNumber === current.phoneNumber,
      );
    if (taken)
      return {
        status: 409,
        body: error('conflict', 'The phone number is already registered for SMS sign-in by another user.'),
      };
    current.smsSignIn = true;
    return { status: 204 };
  }
}

function error(code: string, message: string) {
  return { error: { code, message } };
}
