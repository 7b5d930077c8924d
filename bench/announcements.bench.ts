import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { renderAnnouncementActivity } from '../bot/announcement-card/render-announcement-activity';
import { renderInviteActivity } from '../bot/invite-card/render-invite-activity';
import { composeAnnouncement } from '../src/domain/announcements/compose-announcement';
import { startNextDueAnnouncement } from '../src/domain/announcements/start-due-announcements';
import { createGroup } from '../src/domain/groups/create-group';
import { systemClock } from '../src/domain/shared/clock.port';
import { createDeliveryWorker } from '../src/infra/delivery/create-delivery-worker';
import { DeliveryQueue } from '../src/infra/delivery/delivery-queue';
import { LocalDirectory } from '../src/infra/directory/local-directory';
import { createLogger } from '../src/infra/logging/logger';
import { openStorage } from '../src/infra/storage/database';
import { audiencePeople } from '../src/infra/storage/repositories/announcement-audience.sql';
import { seedAudience } from '../test/support/announcement-world';
import { fastRetries, seedInvites } from '../test/support/delivery-world';
import { CONTOSO_TENANT, DomainWorld } from '../test/support/domain-world';
import { startConnector } from './delivery-pacing.bench';
import type { Benchmark } from './figure';

const LIMIT = 50;
const AUDIENCE = 10_000;
const INVITES = 2_000;

/** A1: an announcement to 10,000 people while 2,000 invite cards are queued, through one paced worker. */
async function a1() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'convene-bench-'));
  const storage = await openStorage({ dataDir: dir });
  const connector = await startConnector();
  try {
    const world = new DomainWorld(storage);
    const { entries } = await seedInvites(storage, world, {
      people: INVITES,
      groups: 1,
      connectorUrl: connector.url,
    });
    const { actor, organisation } = await world.orgAdmin('Olu');
    const everyone = await createGroup(
      world.ctx,
      { name: 'Everyone', organisationId: organisation.id },
      actor,
    );
    await seedAudience(storage, everyone.id, AUDIENCE - 1, connector.url);
    await composeAnnouncement(
      world.ctx,
      {
        audience: { kind: 'group', groupId: everyone.id },
        title: 'Site closed Friday',
        body: 'The site is closed on Friday.',
        acknowledge: true,
      },
      actor,
    );
    const worker = createDeliveryWorker({
      storage,
      ctx: { uow: world.ctx.uow, clock: systemClock },
      directory: new LocalDirectory(storage.db, CONTOSO_TENANT, entries),
      render: renderInviteActivity,
      renderAnnouncement: (content) => renderAnnouncementActivity(content, 'https://convene.test'),
      logger: createLogger('silent'),
      options: { ratePerSecond: LIMIT, perConversationPerSecond: 7, ...fastRetries },
    });
    const started = await startNextDueAnnouncement({ uow: world.ctx.uow, clock: systemClock });
    const queue = new DeliveryQueue(storage.db, storage.dialect, true);
    worker.start();
    for (;;) {
      const [invites, copies] = [await queue.counts('invite'), await queue.counts('announcement')];
      if (!invites.queued && !copies.queued) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await worker.stop();
    const stats = (await (await fetch(`${connector.url}/_stats`)).json()) as {
      accepted: number;
      throttled: { app: number; conversation: number };
      deliveries: Record<string, number>;
      firstAt: number;
      lastAt: number;
    };
    const log = (await (await fetch(`${connector.url}/_log`)).json()) as Array<{
      id: string | null;
      at: number;
    }>;
    const isCopy = (id: string | null) => id?.includes('/') ?? false;
    const copiesAt = log.filter((e) => isCopy(e.id)).map((e) => e.at);
    const invitesAt = log.filter((e) => !isCopy(e.id)).map((e) => e.at);
    // While both kinds were waiting: from the announcement's first send to the last invite's.
    const from = Math.min(...copiesAt);
    const to = Math.max(...invitesAt);
    const inWindow = log.filter((e) => e.at >= from && e.at <= to);
    const invitesShare = inWindow.filter((e) => !isCopy(e.id)).length / inWindow.length;
    const seconds = (stats.lastAt - stats.firstAt) / 1000;
    // Every card either reached its chat or failed with a reason in the database (the sender, the
    // audience group's creator, never chatted with the bot): anything else was lost.
    const failed =
      ((await queue.counts('invite')).failed ?? 0) + ((await queue.counts('announcement')).failed ?? 0);
    const expected = INVITES + (started?.queued ?? 0);
    const delivered = Object.keys(stats.deliveries).length + failed;
    const duplicated = Object.values(stats.deliveries).filter((n) => n > 1).length;
    return {
      id: 'A1',
      figure:
        'combined sends per second ÷ the 50/s tenant limit (announcement to 10,000 while 2,000 invites wait)',
      value: stats.accepted / seconds / LIMIT,
      unit: 'ratio',
      target: '>= 0.95',
      notes: {
        sendsPerSecond: (stats.accepted / seconds).toFixed(2),
        queuedCopies: started?.queued ?? 0,
        lost: expected - delivered,
        failedWithReason: failed,
        duplicated,
        invitesShareWhileBothWaited: invitesShare.toFixed(3),
        invitesShareTarget: '>= 0.25',
        throttledByConnector: stats.throttled.app + stats.throttled.conversation,
        seconds: seconds.toFixed(1),
      },
    };
  } finally {
    connector.stop();
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const PEOPLE = 100_000;
const GROUPS = 2_000;
/** 1 + 7 + 49 + 343 + 1,600 groups: five levels. */
const BRANCHING = 7;

/** A2: the organisation-wide audience (100,000 people, 2,000 groups, 5 levels) ÷ a hand-written SELECT DISTINCT. */
async function a2() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'convene-bench-'));
  const storage = await openStorage({ dataDir: dir });
  try {
    const world = new DomainWorld(storage);
    const { actor, organisation } = await world.orgAdmin('Ira');
    const at = new Date().toISOString();
    const groupIds = Array.from({ length: GROUPS }, () => randomUUID());
    await storage.db.transaction().execute(async (trx) => {
      for (let start = 0; start < GROUPS; start += 200)
        await trx
          .insertInto('groups')
          .values(
            groupIds.slice(start, start + 200).map((id, k) => {
              const i = start + k;
              return {
                id,
                name: `Group ${i}`,
                name_key: `group ${i}`,
                scope_key: `org:${organisation.id}`,
                parent_id: i === 0 ? null : groupIds[Math.floor((i - 1) / BRANCHING)]!,
                organisation_id: organisation.id,
                created_by: actor.personId,
                created_at: at,
              };
            }) as never,
          )
          .execute();
    });
    for (let start = 0; start < PEOPLE; start += 500) {
      const ids = Array.from({ length: Math.min(500, PEOPLE - start) }, () => randomUUID());
      await storage.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('people')
          .values(ids.map((id) => ({ id, phone: null, created_at: at })) as never)
          .execute();
        // Everyone in one group; one in five in a second one too (the same person must count once).
        const rows = ids.flatMap((id, k) => {
          const p = start + k;
          const groups = [groupIds[p % GROUPS]!, ...(p % 5 === 0 ? [groupIds[(p * 7 + 3) % GROUPS]!] : [])];
          return [...new Set(groups)].map((group_id) => ({
            group_id,
            person_id: id,
            role: 'member',
            source: 'bulk',
            state: 'joined',
            invited_by: null,
            created_at: at,
            updated_at: at,
          }));
        });
        await trx
          .insertInto('memberships')
          .values(rows as never)
          .execute();
      });
    }
    const time = async (run: () => Promise<number>) => {
      const times: number[] = [];
      let n = 0;
      for (let i = 0; i < 7; i++) {
        const t = performance.now();
        n = await run();
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      return { ms: times[3]!, n };
    };
    const resolve = (audience: Parameters<typeof audiencePeople>[0]) => () =>
      sql`${audiencePeople(audience)}`.execute(storage.db).then((r) => r.rows.length);
    const organisationWide = await time(resolve({ kind: 'organisation', organisationId: organisation.id }));
    const wholeTree = await time(resolve({ kind: 'group-tree', groupId: groupIds[0]! }));
    const byHand = await time(() =>
      sql`SELECT DISTINCT m.person_id FROM memberships m JOIN groups g ON g.id = m.group_id
          WHERE g.organisation_id = ${organisation.id} AND m.state <> 'declined'`
        .execute(storage.db)
        .then((r) => r.rows.length),
    );
    return {
      id: 'A2',
      figure:
        'resolving an organisation-wide audience (100,000 people, 2,000 groups, 5 levels) ÷ one hand-written SELECT DISTINCT',
      value: organisationWide.ms / byHand.ms,
      unit: 'ratio',
      target: '<= 2',
      notes: {
        resolveMs: organisationWide.ms.toFixed(1),
        selectDistinctMs: byHand.ms.toFixed(1),
        people: organisationWide.n,
        sameAsByHand: String(organisationWide.n === byHand.n),
        // The same people reached from the top group through the recursive query.
        treeFromTopMs: wholeTree.ms.toFixed(1),
        treeFromTopRatio: (wholeTree.ms / byHand.ms).toFixed(2),
        treeFromTopPeople: wholeTree.n,
        database: storage.dialect,
      },
    };
  } finally {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const announcementSharingBenchmark: Benchmark = {
  ids: ['A1'],
  title: `an announcement to ${AUDIENCE} people while ${INVITES} invite cards wait, through a connector enforcing ${LIMIT}/s`,
  run: async () => [await a1()],
};

export const announcementAudienceBenchmark: Benchmark = {
  ids: ['A2'],
  title: `resolve an organisation-wide audience (${PEOPLE} people, ${GROUPS} groups, 5 levels)`,
  run: async () => [await a2()],
};
