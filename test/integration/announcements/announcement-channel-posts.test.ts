import { renderAnnouncementActivity } from '../../../bot/announcement-card/render-announcement-activity';
import { renderChannelAnnouncementActivity } from '../../../bot/announcement-card/render-channel-announcement-activity';
import { renderInviteActivity } from '../../../bot/invite-card/render-invite-activity';
import type { Actor } from '../../../src/domain/access/actor';
import { announcementReport } from '../../../src/domain/announcements/announcement-report';
import { composeAnnouncement } from '../../../src/domain/announcements/compose-announcement';
import { startNextDueAnnouncement } from '../../../src/domain/announcements/start-due-announcements';
import { createGroup } from '../../../src/domain/groups/create-group';
import { setGroupParent } from '../../../src/domain/groups/set-group-parent';
import { systemClock } from '../../../src/domain/shared/clock.port';
import { createDeliveryWorker } from '../../../src/infra/delivery/create-delivery-worker';
import { LocalDirectory } from '../../../src/infra/directory/local-directory';
import { EntraApp, GRAPH_DEFAULT_SCOPE } from '../../../src/infra/graph/entra-app';
import { GraphClients } from '../../../src/infra/graph/graph-client';
import { GraphTeamChannels as TeamChannelsOverGraph } from '../../../src/infra/graph/graph-team-channels';
import { createLogger } from '../../../src/infra/logging/logger';
import { BotConnectorServer } from '../../fakes/bot-connector-server';
import { GraphServer, loopbackNetworkClient } from '../../fakes/graph-server';
import { GraphTeamChannels } from '../../fakes/graph-team-channels';
import { seedAudience } from '../../support/announcement-world';
import { fastRetries } from '../../support/delivery-world';
import { CONTOSO_TENANT, DomainWorld } from '../../support/domain-world';
import { describeEachDialect, type StorageUnderTest } from '../../support/storages';
import { cardText } from '../bot/support/bot-under-test';

const APP_ID = 'convene-catalog-app';

describeEachDialect("an announcement posted in each team's General channel", (dialect) => {
  let under: StorageUnderTest;
  let world: DomainWorld;
  let connector: BotConnectorServer;
  let graph: GraphServer;
  let clients: GraphClients;
  let admin: Actor;
  let groups: Array<{ id: string; name: string }>;

  beforeEach(async () => {
    under = await dialect.open();
    world = new DomainWorld(under.storage);
    connector = new BotConnectorServer({ perApp: 500, perConversation: 7 });
    await connector.start();
    graph = new GraphServer();
    await graph.start();
    const entra = new EntraApp({
      clientId: 'client-id',
      tenantId: CONTOSO_TENANT,
      authorityHost: 'https://login.microsoftonline.com',
      clientSecret: 'secret',
      networkClient: loopbackNetworkClient(graph),
    });
    clients = new GraphClients((tenant) => entra.appToken(GRAPH_DEFAULT_SCOPE, tenant), {
      baseUrl: graph.url,
      retryDelaySeconds: 0,
      networkRetryDelayMs: 5,
    });
    const made = await world.orgAdmin('Ira');
    admin = made.actor;
    // Depot (with a team where Convene already is), North (its team refuses the app), South (a team),
    // Night (no team): Depot and its sub-groups are the audience.
    groups = [];
    for (const name of ['Depot', 'North', 'South', 'Night']) {
      const group = await createGroup(world.ctx, { name, organisationId: made.organisation.id }, admin);
      if (name !== 'Depot')
        await setGroupParent(world.ctx, { groupId: group.id, parentId: groups[0]!.id }, admin);
      groups.push({ id: group.id, name });
      await seedAudience(under.storage, group.id, 1, connector.url);
      if (name === 'Night') continue;
      const teamId = `team-${name.toLowerCase()}`;
      graph.teamChannels.addTeam(teamId);
      const at = new Date().toISOString();
      await under.storage.db
        .insertInto('group_provisioning')
        .values({
          group_id: group.id,
          job_id: `job-${name}`,
          state: 'provisioned',
          target: null,
          entra_group_id: `entra-${name}`,
          team_id: teamId,
          team_url: null,
          members_added: 1,
          last_error: null,
          failure_reason: null,
          requested_at: at,
          updated_at: at,
        })
        .execute();
    }
    graph.teamChannels.teams.get('team-depot')!.add(APP_ID);
    graph.teamChannels.refuseInstall.set('team-north', 403);
  });
  afterEach(async () => {
    await connector.stop();
    await graph.stop();
    await under.dispose();
  });

  const worker = () =>
    createDeliveryWorker({
      storage: under.storage,
      ctx: { uow: world.ctx.uow, clock: systemClock },
      directory: new LocalDirectory(under.storage.db, CONTOSO_TENANT, []),
      render: renderInviteActivity,
      renderAnnouncement: (content) => renderAnnouncementActivity(content, 'https://convene.test'),
      channelPosts: {
        channels: new TeamChannelsOverGraph(clients, APP_ID),
        render: (content) => renderChannelAnnouncementActivity(content, 'https://convene.test'),
        serviceUrl: connector.url,
        botId: '28:bot-app-id',
      },
      logger: createLogger('silent'),
      options: { ratePerSecond: 50, perConversationPerSecond: 7, ...fastRetries },
    });

  /** Runs a worker until no channel post or 1:1 copy is left to send (a 429's Retry-After included). */
  async function runUntilSettled(w: ReturnType<typeof worker>, id: string) {
    const until = Date.now() + 15_000;
    for (;;) {
      await w.runOnce();
      await w.postInChannelsOnce();
      const report = await announcementReport(world.ctx, id, {}, admin);
      const waiting = report.channelPosts.some((p) => p.state === 'queued' || p.state === 'sending');
      if ((!waiting && report.totals.queued === 0) || Date.now() > until) return report;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const channelPostsIn = (teamId: string) =>
    connector.accepted.filter((a) => a.conversationId === GraphTeamChannels.generalChannelOf(teamId));

  test('when an announcement to a group and its sub-groups is also posted in the channels, then each team gets one post, a refusing team is reported for its group, a 429 is waited out, and every member still gets their own copy', async () => {
    // South's first post is throttled, with Retry-After.
    connector.fault = (conversationId) =>
      conversationId === GraphTeamChannels.generalChannelOf('team-south') && !connector.faulted.includes(429)
        ? { status: 429, retryAfter: 1 }
        : undefined;
    const ctx = { uow: world.ctx.uow, clock: systemClock };
    const { announcement } = await composeAnnouncement(
      ctx,
      {
        audience: { kind: 'group-tree', groupId: groups[0]!.id },
        title: 'Fire drill at 3',
        body: 'Leave by the **east** stairs.',
        acknowledge: true,
        postInChannel: true,
      },
      admin,
    );
    expect(announcement.postInChannel).toBe(true);
    await startNextDueAnnouncement(ctx);
    const report = await runUntilSettled(worker(), announcement.id);

    expect(report.channelPosts.map((p) => [p.groupName, p.state, p.failureReason])).toEqual([
      ['Depot', 'sent', null],
      ['North', 'failed', 'Convene could not be added to the team.'],
      ['South', 'sent', null],
    ]);
    expect(channelPostsIn('team-depot')).toHaveLength(1);
    expect(channelPostsIn('team-north')).toHaveLength(0);
    expect(channelPostsIn('team-south')).toHaveLength(1);
    expect(connector.faulted).toEqual([429]);
    // Convene was added to South's team; Depot's already had it (409).
    expect(graph.teamChannels.teams.get('team-south')!.has(APP_ID)).toBe(true);

    // The request is the one botbuilder's TeamsInfo.sendMessageToTeamsChannel makes.
    const post = channelPostsIn('team-south')[0]!.body;
    expect(post).toMatchObject({
      isGroup: true,
      bot: { id: '28:bot-app-id' },
      channelData: {
        channel: { id: GraphTeamChannels.generalChannelOf('team-south') },
        tenant: { id: CONTOSO_TENANT },
      },
      activity: { type: 'message', summary: 'Fire drill at 3' },
    });
    const card = (post.activity as { attachments: Array<{ content: Record<string, unknown> }> })
      .attachments[0]!.content;
    expect(cardText(card)).toContain('Fire drill at 3');
    expect(cardText(card)).toContain('From Ira · South');
    // Acknowledge belongs to each person's own copy, not a channel everyone reads.
    expect(cardText(card)).not.toContain('I have read this');
    expect(card).not.toHaveProperty('refresh');

    // The four groups' members and the admin: everyone's 1:1 copy went out whatever the channels did.
    expect(report.totals).toMatchObject({ queued: 0, sent: 4 });

    // A restart (a new worker) posts nothing again.
    const before = connector.accepted.length;
    await worker().postInChannelsOnce();
    expect(connector.accepted.length).toBe(before);
  }, 30_000);

  test('when the option is off, then nothing is posted in any channel', async () => {
    const ctx = { uow: world.ctx.uow, clock: systemClock };
    const { announcement } = await composeAnnouncement(
      ctx,
      { audience: { kind: 'group-tree', groupId: groups[0]!.id }, title: 'Hello', body: 'Hi all.' },
      admin,
    );
    await startNextDueAnnouncement(ctx);
    const report = await runUntilSettled(worker(), announcement.id);
    expect(report.channelPosts).toEqual([]);
    expect(graph.teamChannels.installRequests).toEqual([]);
  });

  test('when two instances post the same announcement at once, then each team still gets one post', async () => {
    const ctx = { uow: world.ctx.uow, clock: systemClock };
    const { announcement } = await composeAnnouncement(
      ctx,
      {
        audience: { kind: 'group-tree', groupId: groups[0]!.id },
        title: 'Two of us',
        body: 'Posted once.',
        postInChannel: true,
      },
      admin,
    );
    await startNextDueAnnouncement(ctx);
    const [first, second] = [worker(), worker()];
    await Promise.all([first.postInChannelsOnce(), second.postInChannelsOnce()]);
    await Promise.all([first.postInChannelsOnce(), second.postInChannelsOnce()]);
    expect(channelPostsIn('team-depot')).toHaveLength(1);
    expect(channelPostsIn('team-south')).toHaveLength(1);
    const report = await announcementReport(world.ctx, announcement.id, {}, admin);
    expect(report.channelPosts.map((p) => p.state)).toEqual(['sent', 'failed', 'sent']);
  });

  test('when a worker stopped while a post was leaving, then the next worker reports it instead of posting again', async () => {
    const ctx = { uow: world.ctx.uow, clock: systemClock };
    const { announcement } = await composeAnnouncement(
      ctx,
      {
        audience: { kind: 'group-tree', groupId: groups[0]!.id },
        title: 'Cut off',
        body: 'Half sent.',
        postInChannel: true,
      },
      admin,
    );
    await startNextDueAnnouncement(ctx);
    // The Depot post was marked as leaving by a worker whose lease has since run out.
    await under.storage.db
      .updateTable('announcement_channel_posts')
      .set({ state: 'sending', claimed_by: 'gone', claimed_until: new Date(Date.now() - 1000).toISOString() })
      .where('group_id', '=', groups[0]!.id)
      .execute();
    await worker().postInChannelsOnce();
    expect(channelPostsIn('team-depot')).toHaveLength(0);
    expect(channelPostsIn('team-south')).toHaveLength(1);
    const report = await announcementReport(world.ctx, announcement.id, {}, admin);
    const depot = report.channelPosts.find((p) => p.groupId === groups[0]!.id)!;
    expect(depot.state).toBe('failed');
    expect(depot.failureCode).toBe('CHANNEL_POST_INTERRUPTED');
  });
});
