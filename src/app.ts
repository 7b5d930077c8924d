import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INetworkModule } from '@azure/msal-node';
import type { Server } from 'restify';
import { renderAnnouncementActivity } from '../bot/announcement-card/render-announcement-activity';
import { renderChannelAnnouncementActivity } from '../bot/announcement-card/render-channel-announcement-activity';
import { TeamsImageDownloads } from '../bot/attachments/teams-image-downloads';
import { createBotAdapter } from '../bot/bot-adapter';
import { renderAnnouncementCard } from '../bot/cards/announcement-card';
import { renderChampKitActivity } from '../bot/cards/champ-kit-card';
import { ConveneBot } from '../bot/convene-bot';
import { inviteCardMiddleware } from '../bot/invite-card/invite-card-middleware';
import { renderInviteActivity } from '../bot/invite-card/render-invite-activity';
import type { Config } from './config';
import { ensureOrganisationAdmin } from './domain/organisations/ensure-organisation-admin';
import type { Clock } from './domain/shared/clock.port';
import { systemClock } from './domain/shared/clock.port';
import type { DomainContext } from './domain/shared/unit-of-work.port';
import { localeFrom } from './i18n/locales';
import { translatorFor } from './i18n/translator';
import { BotConnectorClient } from './infra/delivery/bot-connector-client';
import { ChampKitChats } from './infra/delivery/champ-kit-chats';
import { createDeliveryWorker } from './infra/delivery/create-delivery-worker';
import { createIdentityRuntime } from './infra/graph/create-directory';
import { createWorkAccountSignIn } from './infra/graph/create-sign-in';
import { SharpPhotoProcessor } from './infra/group-photos/sharp-photo-processor';
import { HmacStandingTokens, linkSigningKey } from './infra/invites/hmac-standing-tokens';
import { createAccountCreationRunner } from './infra/jobs/account-creation-jobs';
import { AnnouncementScheduler } from './infra/jobs/announcement-scheduler';
import { createLookupRunner } from './infra/jobs/lookup-jobs';
import { ProvisioningWorker } from './infra/jobs/provisioning-worker';
import { createUploadRuntime } from './infra/jobs/upload-jobs';
import type { Logger } from './infra/logging/logger';
import { createRolloutContext } from './infra/rollout/rollout-context';
import { HmacSlipTickets } from './infra/slips/hmac-slip-tickets';
import { KyselyBotStateStorage } from './infra/storage/bot-state-storage';
import { openStorage, type Storage } from './infra/storage/database';
import { describeDatabase } from './infra/storage/database-description';
import { KyselyUnitOfWork } from './infra/storage/kysely-unit-of-work';
import { SqlTeamsAddressBook } from './infra/storage/repositories/teams-address-book.sql';
import { WorkerPhoneChecker } from './infra/uploads/worker-phone-checker';
import { createAppServer } from './server/app-server';
import { createTenantAuthenticator } from './server/auth/create-authenticator';
import { LocalDeveloperAuthenticator, type RequestAuthenticator } from './server/auth/request-authenticator';
import { JoinSessions } from './server/join/join-session';
import { PreviewImages } from './server/join/preview-images';

export interface RunningApp {
  server: Server;
  storage: Storage;
  ctx: DomainContext;
  /** The address the server listens on, e.g. http://127.0.0.1:3978. */
  url: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
  /** PostgreSQL schema (tests isolate runs with it). */
  databaseSchema?: string;
  /** Tests only: msal reaches a loopback Entra instead of Microsoft's. */
  entraNetworkClient?: INetworkModule;
}

/** The composition root: picks implementations from configuration, wires them and starts listening. */
export async function startApp(
  config: Readonly<Config>,
  logger: Logger,
  options: StartOptions = {},
): Promise<RunningApp> {
  const storage = await openStorage({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    schema: options.databaseSchema,
  });
  // Cards queued by any use case wake this process's delivery worker once their transaction commits.
  let wakeDelivery: () => void = () => {};
  const ctx: DomainContext = {
    uow: new KyselyUnitOfWork(storage.db, () => wakeDelivery()),
    clock: options.clock ?? systemClock,
  };
  const authenticator = await createAuthenticator(config, ctx);
  const botState = new KyselyBotStateStorage(storage.db, ctx.clock);
  const adapter = createBotAdapter(config.bot, logger, { storage: botState });
  // Invite cards: people's chats are learnt from their activities; a durable queue sends the cards.
  const identity = createIdentityRuntime(config, storage.db, options.entraNetworkClient);
  // In tenant mode only Teams activities of the allowed tenants name a person (bot/turn-identity.ts).
  const trust = { mode: config.mode, allowedTenants: config.entra.allowedTenants };
  adapter.use(inviteCardMiddleware(ctx, new SqlTeamsAddressBook(storage.db), logger, trust));
  const delivery = createDeliveryWorker({
    storage,
    ctx,
    directory: identity.directory,
    render: renderInviteActivity,
    renderAnnouncement: (content) => renderAnnouncementActivity(content, config.publicBaseUrl ?? url),
    channelPosts: {
      channels: identity.teamChannels,
      render: (content) => renderChannelAnnouncementActivity(content, config.publicBaseUrl ?? url),
      serviceUrl: config.delivery.botServiceUrl,
      // The bot's id as Teams writes it in conversations (28: and the Microsoft app id).
      botId: config.bot.appId ? `28:${config.bot.appId}` : undefined,
    },
    logger,
    connectorToken: identity.connectorToken,
    options: { ...config.delivery, backoffBaseMs: 1000, backoffMaxMs: 60_000 },
  });
  wakeDelivery = () => delivery.wake();
  // Scheduled announcements start in whichever instance gets there first, once.
  const announcements = new AnnouncementScheduler(ctx, logger);
  let url = '';
  // Posters, templates, the slideshow and the bot's poster card show the same standing link.
  const linkKey = linkSigningKey({ secret: config.standingLinkSecret, dataDir: config.dataDir });
  const standingTokens = new HmacStandingTokens(linkKey);
  // The bot's slips card links to a short-lived download signed with the same key, under its own label.
  const slipTickets = new HmacSlipTickets(linkKey);
  const photoProcessor = new SharpPhotoProcessor();
  const bot = new ConveneBot({
    ctx,
    groupPhotos: {
      photos: photoProcessor,
      downloads: new TeamsImageDownloads({
        token: identity.connectorToken,
        allowLoopbackHttp: config.mode === 'local',
      }),
    },
    standingTokens,
    slipTickets,
    storage: botState,
    mode: config.mode,
    allowedTenants: config.entra.allowedTenants,
    publicBaseUrl: () => config.publicBaseUrl ?? url,
    defaultRegion: config.defaultRegion,
    localOrganisation: {
      tenantId: config.localIdentity.tenantId,
      name: config.localIdentity.organisationName,
    },
  });
  // Uploads check phone numbers on a second thread while the file is read.
  const phones = new WorkerPhoneChecker();
  const uploads = createUploadRuntime(ctx, config.dataDir, config.uploads, logger, { phones });
  // Mapped groups get their Microsoft 365 group and team from a provisioning worker in every instance.
  const provisioning = new ProvisioningWorker({
    uow: ctx.uow,
    clock: ctx.clock,
    logger,
    directory: identity.directory,
    leaseMs: config.uploads.jobLeaseMs,
  });
  // People without an account: Look up again asks the directory in a durable job.
  const lookups = createLookupRunner(ctx, identity.directory, logger, { leaseMs: config.uploads.jobLeaseMs });
  // Accounts for people known only by phone are created by a paced, resumable job.
  const accountCreation = createAccountCreationRunner(ctx, identity.accountCreator, logger, {
    leaseMs: config.uploads.jobLeaseMs,
  });

  const groupPhotos = { ...ctx, photos: photoProcessor };
  const rollout = createRolloutContext(ctx, {
    dataDir: config.dataDir,
    publicBaseUrl: () => config.publicBaseUrl ?? url,
    standingTokens,
    slipTickets,
    // The champs' kit goes to a champ's chat the way invite cards do (the address book, the connector).
    champChats: new ChampKitChats(
      new SqlTeamsAddressBook(storage.db),
      new BotConnectorClient(identity.connectorToken),
      renderChampKitActivity,
    ),
  });
  const publicBaseUrl = () => config.publicBaseUrl ?? url;
  const signIn = createWorkAccountSignIn(config, identity, publicBaseUrl);
  const server = createAppServer({
    ctx,
    authenticator,
    logger,
    mode: config.mode,
    defaultRegion: config.defaultRegion,
    publicBaseUrl: () => config.publicBaseUrl ?? url,
    ping: storage.ping,
    directory: identity.directory,
    accountCreator: identity.accountCreator,
    startedAccountCreation: () => accountCreation.nudge(),
    scheduledAnnouncement: () => announcements.nudge(),
    announcementCard: (content) =>
      renderAnnouncementCard({
        ...content,
        acknowledgedAt: null,
        baseUrl: publicBaseUrl(),
        translator: translatorFor(localeFrom(content.locale)),
      }),
    adapter,
    bot,
    tabDir: config.tabDir,
    rollout,
    uploads,
    lookups,
    http: {
      listenHost: config.host,
      configuredBaseUrl: config.publicBaseUrl,
      publicRequestsPerMinute: config.http.publicRequestsPerMinute,
      trustProxy: config.http.trustProxy,
    },
    join: {
      signIn: signIn.signIn,
      developerSignIn: signIn.developer,
      signInOrigins: signIn.origins,
      // Sealed with the configured secret (shared by every instance); locally a key per process will do.
      sessions: new JoinSessions(config.join.cookieSecret ?? randomBytes(32).toString('base64'), () =>
        /^https:|^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(`${publicBaseUrl()}/`),
      ),
      previews: new PreviewImages(),
      botAppId: config.bot.appId,
    },
    groupPhotos,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  url = `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;
  logger.info({ url, mode: config.mode, database: describeDatabase(config) }, 'Convene is listening');
  if (config.http.localModeOnNetwork) {
    logger.warn(
      { host: config.host, url },
      'LOCAL MODE IS ON THE NETWORK (ALLOW_LOCAL_MODE_ON_NETWORK=true): bot authentication is off and every caller is signed in as the local developer, an org admin of the local organisation. Anyone who can reach this address can read and change every group, upload files and post to the bot. Use it only on a network you trust, and only for as long as you need it.',
    );
  }
  uploads.runner.start();
  delivery.start();
  announcements.start();
  provisioning.start();
  lookups.start();
  accountCreation.start();

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // In-flight requests finish; idle keep-alive connections would otherwise hold the close open.
      server.server.closeIdleConnections();
      await closed;
      await uploads.runner.stop();
      await provisioning.stop();
      await lookups.stop();
      await accountCreation.stop();
      await announcements.stop();
      await phones.close();
      await delivery.stop();
      await storage.close();
    })();
    return stopping;
  };
  return { server, storage, ctx, url, stop };
}

async function createAuthenticator(
  config: Readonly<Config>,
  ctx: DomainContext,
): Promise<RequestAuthenticator> {
  if (config.mode === 'local') {
    const { tenantId, organisationName, userId, userName } = config.localIdentity;
    const identity = { tenantId, aadObjectId: userId, displayName: userName };
    await ensureOrganisationAdmin(
      ctx,
      { tenantId, displayName: organisationName, defaultRegion: config.defaultRegion },
      identity,
    );
    return new LocalDeveloperAuthenticator(identity);
  }
  return createTenantAuthenticator(config);
}
