import type { Actor } from '../../../src/domain/access/actor';
import { announcementReport } from '../../../src/domain/announcements/announcement-report';
import {
  acknowledgeAnnouncement,
  recordReadReceipt,
} from '../../../src/domain/announcements/answer-announcement';
import { cancelAnnouncement } from '../../../src/domain/announcements/change-announcement';
import {
  composeAnnouncement,
  countAnnouncementAudience,
} from '../../../src/domain/announcements/compose-announcement';
import { startNextDueAnnouncement } from '../../../src/domain/announcements/start-due-announcements';
import { assignChamp } from '../../../src/domain/champs/manage-champs';
import { createGroup } from '../../../src/domain/groups/create-group';
import { setGroupParent } from '../../../src/domain/groups/set-group-parent';
import type { Organisation } from '../../../src/domain/organisations/organisation';
import { KyselyUnitOfWork } from '../../../src/infra/storage/kysely-unit-of-work';
import { CONTOSO_TENANT, DomainWorld } from '../../support/domain-world';
import { describeEachDialect, type StorageUnderTest } from '../../support/storages';

describeEachDialect('announcements', ({ open }) => {
  let under: StorageUnderTest;
  let world: DomainWorld;
  let admin: Actor;
  let organisation: Organisation;

  beforeEach(async () => {
    under = await open();
    world = new DomainWorld(under.storage);
    ({ actor: admin, organisation } = await world.orgAdmin('Ira'));
  });
  afterEach(() => under.dispose());

  /** A chain of groups `depth` deep, each with its own people, plus `shared` people in every group. */
  async function tree(depth: number, perGroup: number, shared: Actor[]) {
    const groups = [];
    for (let level = 0; level < depth; level++) {
      const group = await createGroup(
        world.ctx,
        { name: `Level ${level}`, organisationId: organisation.id },
        admin,
      );
      if (level > 0)
        await setGroupParent(world.ctx, { groupId: group.id, parentId: groups[level - 1]!.id }, admin);
      const people = [...shared];
      for (let i = 0; i < perGroup; i++) people.push(await world.person(`L${level} P${i}`));
      await world.ctx.uow.run(async (repos) => {
        for (const p of people)
          await repos.memberships.insert({
            groupId: group.id,
            personId: p.personId,
            role: 'member',
            source: 'manual',
            state: 'joined',
            invitedBy: admin.personId,
            createdAt: world.clock.now().toISOString(),
            updatedAt: world.clock.now().toISOString(),
          });
      });
      groups.push(group);
    }
    return groups;
  }

  const write = {
    title: 'Shift change',
    body: 'From **Monday** the early shift starts at 6.',
    acknowledge: true,
  };

  test('when a group and its sub-groups are chosen, then every level is reached and each person once', async () => {
    const asha = await world.person('Asha');
    const groups = await tree(5, 3, [asha]);
    const count = (kind: string, groupId: string) =>
      countAnnouncementAudience(world.ctx, { kind, groupId }, admin);
    // Three people, Asha and the org admin (each group's first admin, as its creator).
    expect(await count('group', groups[0]!.id)).toBe(5);
    // Five levels of three people each, and Asha and the admin (in all five) once each.
    expect(await count('group-tree', groups[0]!.id)).toBe(17);
    expect(await count('group-tree', groups[3]!.id)).toBe(8);
    expect(
      await countAnnouncementAudience(
        world.ctx,
        { kind: 'organisation', organisationId: organisation.id },
        admin,
      ),
    ).toBe(17);
  });

  test('when a champ sends outside their groups, or to the whole organisation, then it is refused with a code', async () => {
    const groups = await tree(2, 1, []);
    const champ = await world.person('Chandra');
    await assignChamp(world.ctx, { groupId: groups[1]!.id, champ: { personId: champ.personId } }, admin);
    const ok = await composeAnnouncement(
      world.ctx,
      { ...write, audience: { kind: 'group', groupId: groups[1]!.id } },
      champ,
    );
    expect(ok.audienceCount).toBe(2);
    await expect(
      composeAnnouncement(
        world.ctx,
        { ...write, audience: { kind: 'group-tree', groupId: groups[0]!.id } },
        champ,
      ),
    ).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    await expect(
      composeAnnouncement(
        world.ctx,
        { ...write, audience: { kind: 'organisation', organisationId: organisation.id } },
        champ,
      ),
    ).rejects.toMatchObject({ code: 'ORGANISATION_ANNOUNCEMENT_FORBIDDEN' });
  });

  test.each([
    [{ body: '' }, 'ANNOUNCEMENT_TEXT_EMPTY'],
    [{ body: 'x'.repeat(4001) }, 'ANNOUNCEMENT_TEXT_TOO_LONG'],
    [{ title: '  ' }, 'ANNOUNCEMENT_TITLE_EMPTY'],
    [{ linkUrl: 'javascript:alert(1)' }, 'ANNOUNCEMENT_LINK_NOT_HTTPS'],
    [{ linkUrl: 'http://contoso.com' }, 'ANNOUNCEMENT_LINK_NOT_HTTPS'],
    [{ sendAt: 'tomorrow' }, 'ANNOUNCEMENT_TIME_INVALID'],
    [{ timeZone: 'Mars/Olympus' }, 'ANNOUNCEMENT_TIME_ZONE_UNKNOWN'],
  ])('when the input is bad (%#), then it is refused with %s', async (bad, code) => {
    const [group] = await tree(1, 1, []);
    await expect(
      composeAnnouncement(
        world.ctx,
        { ...write, ...bad, audience: { kind: 'group', groupId: group!.id } },
        admin,
      ),
    ).rejects.toMatchObject({ code });
  });

  test('when scheduled, then it starts only when due, once, even after a restart; cancelled ones never start', async () => {
    const [group] = await tree(1, 5, []);
    const later = await composeAnnouncement(
      world.ctx,
      {
        ...write,
        audience: { kind: 'group', groupId: group!.id },
        sendAt: '2026-01-05T11:00:00+01:00',
        timeZone: 'Europe/Paris',
      },
      admin,
    );
    const cancelled = await composeAnnouncement(
      world.ctx,
      {
        ...write,
        audience: { kind: 'group', groupId: group!.id },
        sendAt: '2026-01-05T10:30:00+01:00',
        timeZone: 'Europe/Paris',
      },
      admin,
    );
    await cancelAnnouncement(world.ctx, cancelled.announcement.id, admin);
    expect(await startNextDueAnnouncement(world.ctx)).toBeUndefined();
    world.clock.advanceDays(3601 / 86_400);
    // A restart: a new unit of work over the same database, as a new process would have.
    const restarted = { uow: new KyselyUnitOfWork(under.storage.db), clock: world.clock };
    expect(await startNextDueAnnouncement(restarted)).toEqual({ id: later.announcement.id, queued: 6 });
    expect(await startNextDueAnnouncement(restarted)).toBeUndefined();
    await expect(cancelAnnouncement(world.ctx, later.announcement.id, admin)).rejects.toMatchObject({
      code: 'ANNOUNCEMENT_ALREADY_STARTED',
    });
    const report = await announcementReport(world.ctx, later.announcement.id, {}, admin);
    expect(report.totals).toEqual({ queued: 6, sent: 0, failed: 0, read: 0, acknowledged: 0 });
  });

  test('when a reader acknowledges twice and Teams sends two read receipts, then each is counted once', async () => {
    const asha = await world.person('Asha');
    const [group] = await tree(1, 0, [asha]);
    const { announcement } = await composeAnnouncement(
      world.ctx,
      { ...write, audience: { kind: 'group', groupId: group!.id } },
      admin,
    );
    await startNextDueAnnouncement(world.ctx);
    const deliveryId = `${announcement.id}/${asha.personId}`;
    await under.storage.db
      .updateTable('announcement_deliveries')
      .set({
        state: 'sent',
        sent_at: '2026-12-01T09:00:00Z',
        conversation_id: 'a:asha',
        activity_id: '1764579600000',
      })
      .where('id', '=', deliveryId)
      .execute();
    expect(
      await recordReadReceipt(world.ctx, { conversationId: 'a:asha', lastReadMessageId: '1764579500000' }),
    ).toBe(0);
    expect(
      await recordReadReceipt(world.ctx, { conversationId: 'a:asha', lastReadMessageId: '1764579700000' }),
    ).toBe(1);
    expect(
      await recordReadReceipt(world.ctx, { conversationId: 'a:asha', lastReadMessageId: '1764579800000' }),
    ).toBe(0);
    const person = await world.ctx.uow.read((repos) => repos.people.findById(asha.personId));
    const identity = { tenantId: CONTOSO_TENANT, aadObjectId: person!.aadObjectId!, displayName: 'Asha' };
    const first = await acknowledgeAnnouncement(world.ctx, deliveryId, identity);
    const second = await acknowledgeAnnouncement(world.ctx, deliveryId, identity);
    expect(second.acknowledgedAt).toBe(first.acknowledgedAt);
    const stranger = await world.person('Stranger');
    const strangerRow = await world.ctx.uow.read((repos) => repos.people.findById(stranger.personId));
    await expect(
      acknowledgeAnnouncement(world.ctx, deliveryId, {
        tenantId: CONTOSO_TENANT,
        aadObjectId: strangerRow!.aadObjectId!,
        displayName: null,
      }),
    ).rejects.toMatchObject({ code: 'ANNOUNCEMENT_NOT_FOUND' });
    const report = await announcementReport(world.ctx, announcement.id, {}, admin);
    expect(report.totals).toMatchObject({ sent: 1, read: 1, acknowledged: 1 });
    expect(report.byGroup).toEqual([expect.objectContaining({ groupName: 'Level 0', acknowledged: 1 })]);
  });
});
