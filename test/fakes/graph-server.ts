import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { GraphAccounts } from './graph-accounts';
import { type Answer, error } from './graph-answer';
import { GraphGroupPhotos } from './graph-group-photos';
import { listUsers } from './graph-list-users';
import { GraphTeamChannels } from './graph-team-channels';

/** A directory user as the fake Graph stores it. */
export interface FakeUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
  mobilePhone: string | null;
  businessPhones: string[];
  /** Entra's `mail`; when left out, the sign-in name (as for most accounts). */
  mail?: string | null;
  employeeId?: string | null;
}

/** One HTTP request that reached the server (sub-requests of a batch are listed inside it). */
export interface LoggedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  subRequests?: Array<{ method: string; url: string; status: number; headers?: Record<string, string> }>;
}

export interface FakeGroup {
  id: string;
  displayName: string;
  mailNickname: string;
  owners: Set<string>;
  members: Set<string>;
  team: boolean;
}

/**
 * A loopback Microsoft Graph (v1.0) and Entra token endpoint, implementing the calls Convene makes,
 * `$batch` included, with switchable faults: throttling with Retry-After on whole requests or on
 * sub-requests inside a 200 batch answer, 503s, and the 400/404 answers Entra gives while a new
 * object replicates. Every request is logged so tests can assert counts and shapes.
 */
export class GraphServer {
  readonly users: FakeUser[] = [];
  readonly groups = new Map<string, FakeGroup>();
  readonly installs = new Map<string, string>();
  readonly log: LoggedRequest[] = [];
  /** Account creation: POST /users, phone methods, SMS sign-in, a write quota (test/fakes/graph-accounts.ts). */
  readonly accounts = new GraphAccounts(this.users, this.groups);
  /** Groups' photos: PUT /groups/{id}/photo/$value (test/fakes/graph-group-photos.ts). */
  readonly groupPhotos = new GraphGroupPhotos();
  /** Teams' installed apps and General channels (test/fakes/graph-team-channels.ts). */
  readonly teamChannels = new GraphTeamChannels();
  readonly tokenRequests: Array<{ tenant: string; grantType: string; scope: string }> = [];
  url = '';
  /** Decides, per sub-request of a batch, whether to answer 429 (returns Retry-After seconds). */
  throttleSubRequest: (url: string, n: number) => number | undefined = () => undefined;
  /** Whole requests to fail before answering normally (status, Retry-After seconds). */
  readonly failNext: Array<{ status: number; retryAfter?: number }> = [];
  /** How many more times creating/adding should claim the referenced objects do not exist. */
  replicationDelays = { create: 0, members: 0, team: 0 };
  /** Graph requests whose connection is dropped without an answer (as a reset keep-alive socket). */
  resetNext = 0;
  /** Largest page of group members or owners it answers (Graph's is 999; tests make it small). */
  memberPageSize = 999;
  /**
   * The loopback authorize endpoint's user (the person who "signs in" at Entra) and claims to force into
   * their ID token (another audience, say). ID tokens are signed by `signIdToken` (an SsoTokenIssuer).
   */
  signInAs: { tid: string; oid: string; name: string; claims?: Record<string, unknown> } | undefined;
  signIdToken: ((claims: Record<string, unknown>) => Promise<string>) | undefined;
  /** Codes issued by the authorize endpoint, each redeemable once with its PKCE verifier. */
  private readonly codes = new Map<
    string,
    {
      clientId: string;
      redirectUri: string;
      challenge: string;
      nonce: string;
      user: NonNullable<GraphServer['signInAs']>;
    }
  >();
  private server: Server | undefined;
  private subRequestCount = 0;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      if (this.resetNext > 0 && req.url?.startsWith('/v1.0/')) {
        this.resetNext--;
        this.log.push({ method: req.method ?? '', path: req.url, authorization: req.headers.authorization });
        req.socket.destroy();
        return;
      }
      this.handle(req).then(
        (answer) => {
          const isText = typeof answer.body === 'string';
          const type =
            answer.body === undefined ? {} : { 'content-type': isText ? 'text/plain' : 'application/json' };
          // Not chained: restify, when loaded in the same process, patches writeHead to return nothing.
          res.writeHead(answer.status, { ...type, ...answer.headers });
          res.end(
            answer.body === undefined ? '' : isText ? (answer.body as string) : JSON.stringify(answer.body),
          );
        },
        (error) => {
          res.writeHead(500);
          res.end(String(error));
        },
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  addUsers(count: number, make: (i: number) => Partial<FakeUser>): FakeUser[] {
    const made: FakeUser[] = [];
    for (let i = 0; i < count; i++) {
      const user: FakeUser = {
        id: randomUUID(),
        displayName: `User ${i}`,
        userPrincipalName: `user${i}@contoso.example`,
        mobilePhone: null,
        businessPhones: [],
        ...make(i),
      };
      this.users.push(user);
      made.push(user);
    }
    return made;
  }

  /** Graph requests only (token requests excluded). */
  graphRequests(): LoggedRequest[] {
    return this.log.filter((r) => r.path.startsWith('/v1.0/'));
  }

  private async handle(req: IncomingMessage): Promise<Answer> {
    const bytes = await readBody(req);
    const raw = bytes.toString('utf8');
    const path = req.url ?? '';
    const entry: LoggedRequest = { method: req.method ?? '', path, authorization: req.headers.authorization };
    this.log.push(entry);
    const openid = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration/.exec(path);
    if (openid) return { status: 200, body: openidConfiguration(openid[1]!) };
    if (path.startsWith('/common/discovery/instance')) {
      return {
        status: 200,
        body: {
          tenant_discovery_endpoint: `${AUTHORITY}/common/v2.0/.well-known/openid-configuration`,
          metadata: [
            {
              preferred_network: 'login.microsoftonline.com',
              preferred_cache: 'login.windows.net',
              aliases: ['login.microsoftonline.com'],
            },
          ],
        },
      };
    }
    if (/^\/[^/]+\/oauth2\/v2\.0\/authorize\?/.test(path) && req.method === 'GET')
      return this.authorize(path);
    const token = /^\/([^/]+)\/oauth2\/v2\.0\/token(\?|$)/.exec(path);
    if (token && req.method === 'POST') {
      const form = new URLSearchParams(raw);
      if (form.get('grant_type') === 'authorization_code') return this.redeemCode(token[1]!, form);
      return this.issueToken(token[1]!, form);
    }
    if (!path.startsWith('/v1.0/')) return { status: 404, body: error('NotFound', `No route ${path}`) };
    if (req.headers.authorization !== 'Bearer graph-token-for-app') {
      return { status: 401, body: error('InvalidAuthenticationToken', 'Access token is empty or invalid.') };
    }
    const fault = this.failNext.shift();
    if (fault) {
      return {
        status: fault.status,
        body: error(fault.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable', 'Injected fault'),
        headers: fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {},
      };
    }
    const route = path.slice('/v1.0'.length);
    const photo = this.groupPhotos.route(req.method ?? '', route, req.headers, bytes, (id) =>
      this.groups.has(id),
    );
    if (photo) return photo;
    const body = raw ? JSON.parse(raw) : undefined;
    const team = this.teamChannels.route(req.method ?? '', route, body);
    if (team) return team;
    if (req.method === 'POST' && route === '/$batch') {
      const requests = (
        body as {
          requests: Array<{
            id: string;
            method: string;
            url: string;
            body?: unknown;
            headers?: Record<string, string>;
          }>;
        }
      ).requests;
      if (requests.length > 20)
        return { status: 400, body: error('BadRequest', 'A batch holds at most 20 requests.') };
      entry.subRequests = [];
      const responses = [];
      for (const sub of requests) {
        const retryAfter = this.throttleSubRequest(sub.url, ++this.subRequestCount);
        const answer: Answer =
          retryAfter !== undefined
            ? {
                status: 429,
                body: error('TooManyRequests', 'Throttled'),
                headers: { 'Retry-After': String(retryAfter) },
              }
            : this.route(
                sub.method,
                sub.url.startsWith('/') ? sub.url : `/${sub.url}`,
                sub.body,
                lowerCaseKeys(sub.headers ?? {}),
              );
        // Headers that say something about the request (a body's content type does not).
        const told = Object.entries(sub.headers ?? {}).filter(([k]) => k.toLowerCase() !== 'content-type');
        entry.subRequests.push({
          method: sub.method,
          url: sub.url,
          status: answer.status,
          ...(told.length > 0 ? { headers: Object.fromEntries(told) } : {}),
        });
        responses.push({
          id: sub.id,
          status: answer.status,
          headers: answer.headers ?? {},
          body: answer.body,
        });
      }
      return { status: 200, body: { responses } };
    }
    return this.route(req.method ?? 'GET', route, body, req.headers as Record<string, string>);
  }

  /** Entra's authorize endpoint with someone already signed in: straight back to the app with a code. */
  private authorize(path: string): Answer {
    const query = new URLSearchParams(path.slice(path.indexOf('?') + 1));
    const redirectUri = query.get('redirect_uri') ?? '';
    if (!this.signInAs || query.get('code_challenge_method') !== 'S256' || !query.get('code_challenge'))
      return { status: 400, body: error('invalid_request', 'PKCE (S256) and a signed-in user are required') };
    const code = randomUUID();
    this.codes.set(code, {
      clientId: query.get('client_id') ?? '',
      redirectUri,
      challenge: query.get('code_challenge')!,
      nonce: query.get('nonce') ?? '',
      user: this.signInAs,
    });
    const back = new URLSearchParams({ code, state: query.get('state') ?? '' });
    return { status: 302, headers: { location: `${redirectUri}?${back}` } };
  }

  private async redeemCode(tenant: string, form: URLSearchParams): Promise<Answer> {
    this.tokenRequests.push({ tenant, grantType: 'authorization_code', scope: form.get('scope') ?? '' });
    const code = this.codes.get(form.get('code') ?? '');
    this.codes.delete(form.get('code') ?? '');
    const verifier = form.get('code_verifier') ?? '';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    if (!code || code.redirectUri !== form.get('redirect_uri') || code.challenge !== challenge) {
      return {
        status: 400,
        body: { error: 'invalid_grant', error_description: 'AADSTS70008: bad code or verifier' },
      };
    }
    const { user } = code;
    const idToken = await this.signIdToken!({
      aud: code.clientId,
      tid: user.tid,
      oid: user.oid,
      name: user.name,
      nonce: code.nonce,
      preferred_username: `${user.oid}@example.org`,
      ...user.claims,
    });
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        scope: 'openid profile',
        expires_in: 3599,
        ext_expires_in: 3599,
        access_token: 'user-access-token',
        id_token: idToken,
      },
    };
  }

  private issueToken(tenant: string, form: URLSearchParams): Answer {
    const grantType = form.get('grant_type') ?? '';
    this.tokenRequests.push({ tenant, grantType, scope: form.get('scope') ?? '' });
    const onBehalfOf = grantType === 'urn:ietf:params:oauth:grant-type:jwt-bearer';
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        expires_in: 3599,
        ext_expires_in: 3599,
        access_token: onBehalfOf ? 'graph-token-for-user' : 'graph-token-for-app',
      },
    };
  }

  private route(method: string, url: string, body: unknown, headers: Record<string, string>): Answer {
    const [path, query = ''] = url.split('?');
    const params = new URLSearchParams(query);
    const account = this.accounts.route(method, path!, params, body);
    if (account) return account;
    const groupPath = /^\/groups\/([^/]+)(\/.*)?$/.exec(path!);
    const installPath = /^\/users\/([^/]+)\/teamwork\/installedApps(?:\/([^/]+)\/chat)?$/.exec(path!);
    if (method === 'GET' && path === '/users/$count') return { status: 200, body: String(this.users.length) };
    if (method === 'GET' && path === '/users') return listUsers(this.users, params, headers, this.url);
    const userPath = /^\/users\/([^/]+)$/.exec(path!);
    if (method === 'GET' && userPath) {
      const user = this.users.find((u) => u.id === decodeURIComponent(userPath[1]!));
      return user
        ? { status: 200, body: user }
        : { status: 404, body: error('Request_ResourceNotFound', `User ${userPath[1]} not found`) };
    }
    if (method === 'GET' && path === '/groups') {
      const nickname = /mailNickname eq '([^']+)'/.exec(params.get('$filter') ?? '')?.[1];
      return {
        status: 200,
        body: { value: [...this.groups.values()].filter((g) => g.mailNickname === nickname) },
      };
    }
    if (method === 'POST' && path === '/groups') return this.createGroup(body as Record<string, unknown>);
    if (groupPath)
      return this.changeGroup(
        method,
        groupPath[1]!,
        groupPath[2] ?? '',
        body as Record<string, unknown>,
        params,
      );
    if (installPath)
      return this.install(method, installPath[1]!, installPath[2], body as Record<string, unknown>);
    return { status: 404, body: error('Request_ResourceNotFound', `No route ${method} ${url}`) };
  }

  private createGroup(body: Record<string, unknown>): Answer {
    if (this.replicationDelays.create > 0) {
      this.replicationDelays.create--;
      return {
        status: 400,
        body: error('Request_BadRequest', 'One or more referenced objects do not exist.'),
      };
    }
    const ids = (key: string) => ((body[key] as string[] | undefined) ?? []).map((u) => u.split('/').pop()!);
    if (ids('owners@odata.bind').length > 20)
      return { status: 400, body: error('BadRequest', 'Too many owners.') };
    const group: FakeGroup = {
      id: randomUUID(),
      displayName: String(body.displayName),
      mailNickname: String(body.mailNickname),
      owners: new Set(ids('owners@odata.bind')),
      members: new Set(ids('members@odata.bind')),
      team: false,
    };
    if (!/^[A-Za-z0-9-_.]{1,64}$/.test(group.mailNickname)) {
      return {
        status: 400,
        body: error('Request_BadRequest', 'Invalid value specified for property mailNickname.'),
      };
    }
    this.groups.set(group.id, group);
    return {
      status: 201,
      body: { id: group.id, displayName: group.displayName, mailNickname: group.mailNickname },
    };
  }

  private changeGroup(
    method: string,
    id: string,
    rest: string,
    body: Record<string, unknown>,
    params: URLSearchParams,
  ): Answer {
    const group = this.groups.get(id);
    if (!group)
      return { status: 404, body: error('Request_ResourceNotFound', `Resource '${id}' does not exist.`) };
    if (method === 'GET' && (rest === '/members' || rest === '/owners')) {
      // Paged like Graph: $top per page (at most 999), the rest behind @odata.nextLink.
      const all = [...(rest === '/members' ? group.members : group.owners)];
      const top = Math.min(Number(params.get('$top') ?? 100), 999, this.memberPageSize);
      const skip = Number(params.get('$skiptoken') ?? 0);
      const next = skip + top;
      return {
        status: 200,
        body: {
          value: all.slice(skip, next).map((memberId) => ({ id: memberId })),
          ...(next < all.length
            ? {
                '@odata.nextLink': `${this.url}/v1.0/groups/${id}${rest}?$select=id&$top=${top}&$skiptoken=${next}`,
              }
            : {}),
        },
      };
    }

    if (method === 'PATCH' && rest === '') {
      const ids = ((body['members@odata.bind'] as string[] | undefined) ?? []).map(
        (u) => u.split('/').pop()!,
      );
      if (ids.length > 20)
        return { status: 400, body: error('BadRequest', 'At most 20 members per request.') };
      if (this.replicationDelays.members > 0) {
        this.replicationDelays.members--;
        return {
          status: 400,
          body: error('Request_BadRequest', 'One or more referenced objects do not exist.'),
        };
      }
      if (ids.some((m) => group.members.has(m))) {
        return {
          status: 400,
          body: error(
            'Request_BadRequest',
            "One or more added object references already exist for the following modified properties: 'members'.",
          ),
        };
      }
      for (const m of ids) group.members.add(m);
      return { status: 204 };
    }
    const ref = /^\/(members|owners)\/\$ref$/.exec(rest);
    if (method === 'POST' && ref) {
      const set = ref[1] === 'members' ? group.members : group.owners;
      const id = String(body['@odata.id']).split('/').pop()!;
      if (set.has(id)) {
        return {
          status: 400,
          body: error('Request_BadRequest', 'One or more added object references already exist.'),
        };
      }
      set.add(id);
      return { status: 204 };
    }
    if (method === 'PUT' && rest === '/team') {
      if (this.replicationDelays.team > 0) {
        this.replicationDelays.team--;
        return { status: 404, body: error('NotFound', 'Failed to execute Templates backend request.') };
      }
      group.team = true;
      // As Graph answers: the team's link names its general channel's thread and the group.
      const thread = encodeURIComponent(`19:${group.id.replace(/-/g, '')}@thread.tacv2`);
      return {
        status: 201,
        body: {
          id: group.id,
          webUrl: `https://teams.microsoft.com/l/team/${thread}/conversations?groupId=${group.id}`,
        },
      };
    }
    return { status: 404, body: error('Request_ResourceNotFound', `No route ${method} ${rest}`) };
  }

  private install(
    method: string,
    userId: string,
    installationId: string | undefined,
    body: Record<string, unknown>,
  ): Answer {
    if (!this.users.some((u) => u.id === userId)) {
      return { status: 404, body: error('NotFound', `User ${userId} not found`) };
    }
    if (method === 'POST' && !installationId) {
      if (this.installs.has(userId))
        return { status: 409, body: error('Conflict', 'App is already installed.') };
      if (!String(body['teamsApp@odata.bind']).includes('/appCatalogs/teamsApps/')) {
        return { status: 400, body: error('BadRequest', 'teamsApp@odata.bind is required') };
      }
      this.installs.set(userId, `install-${userId}`);
      return { status: 201 };
    }
    if (method === 'GET' && !installationId) {
      const id = this.installs.get(userId);
      return { status: 200, body: { value: id ? [{ id }] : [] } };
    }
    if (method === 'GET' && installationId === this.installs.get(userId)) {
      return { status: 200, body: { id: `19:${userId}_bot@unq.gbl.spaces` } };
    }
    return { status: 404, body: error('NotFound', 'No such installation') };
  }
}

const AUTHORITY = 'https://login.microsoftonline.com';

function openidConfiguration(tenant: string) {
  return {
    token_endpoint: `${AUTHORITY}/${tenant}/oauth2/v2.0/token`,
    authorization_endpoint: `${AUTHORITY}/${tenant}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${AUTHORITY}/${tenant}/oauth2/v2.0/logout`,
    issuer: `${AUTHORITY}/${tenant}/v2.0`,
    jwks_uri: `${AUTHORITY}/${tenant}/discovery/v2.0/keys`,
  };
}

/**
 * An msal network client that sends what msal addresses to login.microsoftonline.com to this
 * server instead (msal insists on an https authority; the protocol on the wire is unchanged).
 */
export function loopbackNetworkClient(server: GraphServer): INetworkModule {
  const send = async <T>(
    method: string,
    url: string,
    options?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> => {
    const response = await fetch(url.replace(AUTHORITY, server.url), {
      method,
      headers: options?.headers,
      body: options?.body,
    });
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers.entries()),
      body: (await response.json()) as T,
    };
  };
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
