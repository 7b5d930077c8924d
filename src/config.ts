import path from 'node:path';
import { z } from 'zod';

/**
 * The only reader of process.env. Settings are validated once at start and frozen; every problem is
 * reported together, naming the setting, so a misconfigured deployment fails fast and says why.
 */

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

export const environmentSchema = z.object({
  CONVENE_MODE: z.enum(['local', 'tenant']).default('local'),
  HOST: optionalText,
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  DATABASE_URL: optionalText.refine((url) => url === undefined || /^postgres(ql)?:\/\//.test(url), {
    message: 'must be a postgres:// URL (leave it empty for the embedded SQLite database)',
  }),
  PUBLIC_BASE_URL: optionalText.refine((url) => url === undefined || /^https?:\/\/[^/]+/.test(url), {
    message: 'must be an http(s) URL such as https://convene.contoso.com',
  }),
  TAB_DIR: z.string().trim().min(1).default('./tab/dist'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEFAULT_REGION: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'must be a two-letter ISO 3166 code such as IN or GB')
    .default('US'),
  UPLOAD_MAX_MB: z.coerce.number().positive().max(2048).default(50),
  UPLOAD_BATCH_ROWS: z.coerce.number().int().min(1).max(10_000).default(10_000),
  JOB_LEASE_SECONDS: z.coerce.number().positive().max(3600).default(30),
  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TYPE: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
  MICROSOFT_APP_TENANT_ID: optionalText,
  BOT_OPENID_METADATA_URL: optionalText.pipe(z.string().url().optional()),
  BOT_TOKEN_ISSUER: optionalText,
  ORG_ADMIN_GROUP_ID: optionalText.pipe(z.string().uuid().optional()),
  LOCAL_TENANT_ID: z.string().trim().min(1).default('00000000-0000-0000-0000-00000000c0de'),
  LOCAL_ORGANISATION_NAME: z.string().trim().min(1).default('Local organisation'),
  LOCAL_USER_ID: z.string().trim().min(1).default('00000000-0000-0000-0000-0000000000de'),
  LOCAL_USER_NAME: z.string().trim().min(1).default('Local Developer'),
  LOCAL_DIRECTORY_FILE: optionalText,
  STANDING_LINK_SECRET: optionalText,
  AAD_APP_CLIENT_ID: optionalText,
  AAD_APP_CLIENT_SECRET: optionalText,
  AAD_APP_CERTIFICATE_PATH: optionalText,
  AAD_APP_CERTIFICATE_THUMBPRINT: optionalText,
  AAD_APP_ID_URI: optionalText,
  AAD_ALLOWED_TENANTS: optionalText,
  AAD_AUTHORITY_HOST: z.string().trim().url().default('https://login.microsoftonline.com'),
  AAD_JWKS_URL: z
    .string()
    .trim()
    .url()
    .default('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
  GRAPH_BASE_URL: z.string().trim().url().default('https://graph.microsoft.com'),
  TEAMS_APP_CATALOG_ID: optionalText,
  BOT_SERVICE_URL: z.string().trim().url().default('https://smba.trafficmanager.net/teams/'),
  DELIVERY_RATE_PER_SECOND: z.coerce.number().positive().max(1000).default(50),
  DELIVERY_PER_CONVERSATION_PER_SECOND: z.coerce.number().positive().max(100).default(7),
  JOIN_COOKIE_SECRET: optionalText.refine((v) => v === undefined || v.length >= 32, {
    message: 'must be at least 32 characters',
  }),
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
  ALLOW_LOCAL_MODE_ON_NETWORK: z
    .enum(['true', 'false', ''])
    .default('false')
    .transform((value) => value === 'true'),
  PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(300),
  TRUST_PROXY: optionalText,
  PLAYGROUND_PORT: z.coerce.number().int().min(1).max(65535).default(56150),
});

/** Names that only ever reach this machine. */
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Whether a listening address keeps the server on this machine. */
export const isLoopbackHost = (host: string): boolean =>
  loopbackHosts.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);

/** Settings without which tenant mode must not start (bot authentication among them). */
const requiredInTenantMode = [
  'MICROSOFT_APP_ID',
  'MICROSOFT_APP_PASSWORD',
  'MICROSOFT_APP_TENANT_ID',
  'PUBLIC_BASE_URL',
  'DATABASE_URL',
] as const;

/** What a bot registration of `MICROSOFT_APP_TYPE` needs beside `MICROSOFT_APP_ID` (botbuilder's rules). */
function botCredentialProblems(e: {
  MICROSOFT_APP_ID?: string;
  MICROSOFT_APP_PASSWORD?: string;
  MICROSOFT_APP_TENANT_ID?: string;
  MICROSOFT_APP_TYPE: string;
}): string[] {
  if (!e.MICROSOFT_APP_ID) return [];
  const needs: Array<'MICROSOFT_APP_PASSWORD' | 'MICROSOFT_APP_TENANT_ID'> =
    e.MICROSOFT_APP_TYPE === 'SingleTenant'
      ? ['MICROSOFT_APP_TENANT_ID', 'MICROSOFT_APP_PASSWORD']
      : e.MICROSOFT_APP_TYPE === 'UserAssignedMSI'
        ? ['MICROSOFT_APP_TENANT_ID']
        : [];
  return needs
    .filter((name) => !e[name])
    .map((name) => `${name} is required with MICROSOFT_APP_ID for a ${e.MICROSOFT_APP_TYPE} bot`);
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Convene cannot start: ${problems.join('; ')}.`);
    this.name = 'ConfigError';
  }
}

export interface Config {
  mode: 'local' | 'tenant';
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Where people reach Convene; invite links start with it. Undefined means "the address we listen on". */
  publicBaseUrl: string | undefined;
  tabDir: string;
  logLevel: string;
  defaultRegion: string;
  /** Bulk uploads: the largest file accepted, rows applied per transaction, and how long a worker's job lease lasts. */
  uploads: { maxBytes: number; batchRows: number; jobLeaseMs: number };
  bot: {
    appId: string | undefined;
    appPassword: string | undefined;
    appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
    tenantId: string | undefined;
    /**
     * Where the Bot Connector's signing keys are announced, and the issuer of its tokens; unset means
     * the public cloud's (botbuilder's defaults). Tests point them at a loopback authority.
     */
    openIdMetadataUrl: string | undefined;
    tokenIssuer: string | undefined;
  };
  /** Local mode only: the developer identity that stands in for a signed-in Microsoft 365 user. */
  localIdentity: { tenantId: string; organisationName: string; userId: string; userName: string };
  /** Local mode only: a JSON file of `{ phone, aadObjectId, displayName }` standing in for Entra users. */
  localDirectoryFile: string | undefined;
  /**
   * The secret standing invite links' tokens are derived from (shared by every instance); defaults to
   * the bot's password in tenant mode, and to a key kept in DATA_DIR otherwise.
   */
  standingLinkSecret: string | undefined;
  /** The Entra app: tab SSO, On-Behalf-Of and app-only Graph (defaults to the bot's registration). */
  entra: {
    clientId: string | undefined;
    clientSecret: string | undefined;
    certificate: { privateKeyPath: string; thumbprintSha256: string } | undefined;
    appIdUri: string | undefined;
    allowedTenants: string[] | '*';
    authorityHost: string;
    jwksUrl: string;
    /** Members of this Entra security group (object id) are org admins of their organisation. */
    orgAdminGroupId: string | undefined;
  };
  graph: { baseUrl: string; teamsAppCatalogId: string | undefined };
  /**
   * The join page: the secret its sign-in cookies are sealed with (JOIN_COOKIE_SECRET, else the app's
   * client secret; every instance must share it). Local mode without one seals with a key per process.
   */
  join: { cookieSecret: string | undefined };
  /** Invite-card delivery: where chats opened through Graph live, pacing below Teams' limits, attempts. */
  delivery: {
    botServiceUrl: string;
    ratePerSecond: number;
    perConversationPerSecond: number;
    maxAttempts: number;
  };
  /** The HTTP doors: requests per minute per address on public pages, and whether local mode may leave loopback. */
  http: {
    publicRequestsPerMinute: number;
    localModeOnNetwork: boolean;
    /** Proxies whose `X-Forwarded-For` names the client (proxy-addr's list: addresses, subnets, `loopback`…). */
    trustProxy: string[];
  };
  /** `npm run playground`: the port the Microsoft 365 Agents Playground's web chat listens on. */
  playground: { port: number };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  }
  const e = parsed.data;
  if (e.CONVENE_MODE === 'tenant') {
    const missing = requiredInTenantMode.filter((name) => !e[name]);
    if (missing.length > 0) {
      throw new ConfigError(missing.map((name) => `${name} is required in tenant mode`));
    }
  }
  // botbuilder would otherwise stop start-up with an assertion naming its own settings, not ours.
  const botProblems = botCredentialProblems(e);
  if (botProblems.length > 0) throw new ConfigError(botProblems);
  // Local mode signs everyone in as the developer, an org admin: on a network, anyone who reaches it is that admin.
  if (e.CONVENE_MODE === 'local' && e.HOST && !isLoopbackHost(e.HOST) && !e.ALLOW_LOCAL_MODE_ON_NETWORK) {
    throw new ConfigError([
      `HOST ${e.HOST} is not a loopback address: local mode makes everyone who reaches it an org admin, so it listens on 127.0.0.1 only unless ALLOW_LOCAL_MODE_ON_NETWORK=true`,
    ]);
  }
  const config: Config = {
    mode: e.CONVENE_MODE,
    // Local mode is for one developer's machine: never listen beyond loopback unless told to.
    host: e.HOST ?? (e.CONVENE_MODE === 'local' ? '127.0.0.1' : '0.0.0.0'),
    port: e.PORT,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
    tabDir: path.resolve(e.TAB_DIR),
    logLevel: e.LOG_LEVEL,
    defaultRegion: e.DEFAULT_REGION.toUpperCase(),
    uploads: {
      maxBytes: Math.round(e.UPLOAD_MAX_MB * 1024 * 1024),
      batchRows: e.UPLOAD_BATCH_ROWS,
      jobLeaseMs: Math.round(e.JOB_LEASE_SECONDS * 1000),
    },
    bot: {
      appId: e.MICROSOFT_APP_ID,
      appPassword: e.MICROSOFT_APP_PASSWORD,
      appType: e.MICROSOFT_APP_TYPE,
      tenantId: e.MICROSOFT_APP_TENANT_ID,
      openIdMetadataUrl: e.BOT_OPENID_METADATA_URL,
      tokenIssuer: e.BOT_TOKEN_ISSUER,
    },
    localIdentity: {
      tenantId: e.LOCAL_TENANT_ID,
      organisationName: e.LOCAL_ORGANISATION_NAME,
      userId: e.LOCAL_USER_ID,
      userName: e.LOCAL_USER_NAME,
    },
    localDirectoryFile: e.LOCAL_DIRECTORY_FILE && path.resolve(e.LOCAL_DIRECTORY_FILE),
    standingLinkSecret:
      e.STANDING_LINK_SECRET ?? (e.CONVENE_MODE === 'tenant' ? e.MICROSOFT_APP_PASSWORD : undefined),
    entra: entraSettings(e),
    graph: { baseUrl: e.GRAPH_BASE_URL.replace(/\/+$/, ''), teamsAppCatalogId: e.TEAMS_APP_CATALOG_ID },
    join: { cookieSecret: e.JOIN_COOKIE_SECRET ?? e.AAD_APP_CLIENT_SECRET ?? e.MICROSOFT_APP_PASSWORD },
    delivery: {
      botServiceUrl: e.BOT_SERVICE_URL,
      ratePerSecond: e.DELIVERY_RATE_PER_SECOND,
      perConversationPerSecond: e.DELIVERY_PER_CONVERSATION_PER_SECOND,
      maxAttempts: e.DELIVERY_MAX_ATTEMPTS,
    },
    http: {
      publicRequestsPerMinute: e.PUBLIC_RATE_LIMIT_PER_MINUTE,
      trustProxy: (e.TRUST_PROXY ?? '')
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
      localModeOnNetwork: e.CONVENE_MODE === 'local' && !isLoopbackHost(e.HOST ?? '127.0.0.1'),
    },
    playground: { port: e.PLAYGROUND_PORT },
  };
  return deepFreeze(config);
}

/** The Entra app defaults to the bot's registration, and its app id URI to Teams' SSO convention. */
function entraSettings(e: z.infer<typeof environmentSchema>): Config['entra'] {
  const clientId = e.AAD_APP_CLIENT_ID ?? e.MICROSOFT_APP_ID;
  const host = e.PUBLIC_BASE_URL ? new URL(e.PUBLIC_BASE_URL).host : undefined;
  const allowed = e.AAD_ALLOWED_TENANTS ?? e.MICROSOFT_APP_TENANT_ID;
  return {
    clientId,
    clientSecret: e.AAD_APP_CLIENT_SECRET ?? e.MICROSOFT_APP_PASSWORD,
    certificate:
      e.AAD_APP_CERTIFICATE_PATH && e.AAD_APP_CERTIFICATE_THUMBPRINT
        ? {
            privateKeyPath: path.resolve(e.AAD_APP_CERTIFICATE_PATH),
            thumbprintSha256: e.AAD_APP_CERTIFICATE_THUMBPRINT,
          }
        : undefined,
    appIdUri: e.AAD_APP_ID_URI ?? (host && clientId ? `api://${host}/${clientId}` : undefined),
    allowedTenants:
      allowed === '*'
        ? '*'
        : (allowed ?? '')
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean),
    authorityHost: e.AAD_AUTHORITY_HOST.replace(/\/+$/, ''),
    jwksUrl: e.AAD_JWKS_URL,
    orgAdminGroupId: e.ORG_ADMIN_GROUP_ID,
  };
}

function deepFreeze<T extends object>(value: T): Readonly<T> {
  for (const child of Object.values(value)) {
    if (child && typeof child === 'object') deepFreeze(child);
  }
  return Object.freeze(value);
}
