import type { Actor } from '../../../src/domain/access/actor';
import { createGroup } from '../../../src/domain/groups/create-group';
import type { Group } from '../../../src/domain/groups/group';
import { mapGroupToOrganisation } from '../../../src/domain/groups/map-group-to-organisation';
import { createInviteLink } from '../../../src/domain/invites/create-invite-link';
import { redeemInviteLink } from '../../../src/domain/invites/redeem-invite-link';
import { decideJoinRequests } from '../../../src/domain/join-requests/decide-join-requests';
import { joinRequestLimits } from '../../../src/domain/join-requests/join-request';
import { listJoinRequests } from '../../../src/domain/join-requests/list-join-requests';
import { requestToJoin } from '../../../src/domain/join-requests/request-to-join';
import { addMembersByPhone } from '../../../src/domain/memberships/add-members-by-phone';
import { listMembers } from '../../../src/domain/memberships/list-members';
import { CONTOSO_TENANT, DomainWorld, FABRIKAM_TENANT } from '../../support/domain-world';
import { describeEachDialect, type StorageUnderTest } from '../../support/storages';

describeEachDialect('join requests', (dialect) => {
  let under: StorageUnderTest;
  let world: DomainWorld;
  let asha: Actor;
  let group: Group;
  let token: string;
  beforeEach(async () => {
    under = await dialect.open();
    world = new DomainWorld(under.storage);
    asha = await world.person('Asha');
    group = await createGroup(world.ctx, { name: 'Drivers' }, asha);
    token = (await createInviteLink(world.ctx, { groupId: group.id }, asha)).token;
  });
  afterEach(() => under.dispose());

  const ask = (name: string, phone: string, extra: { region?: string; requesterKey?: string } = {}) =>
    requestToJoin(world.ctx, { token, displayName: name, phone, region: 'IN', ...extra });

  test('when someone asks to join, then the admins see their name and number pending', async () => {
    const answer = await ask('  Ravi   Kumar ', '098765 43210');
    expect(answer).toMatchObject({ groupName: 'Drivers', status: 'pending' });
    const { requests } = await listJoinRequests(world.ctx, group.id, asha);
    expect(requests).toEqual([
      expect.objectContaining({ id: answer.requestId, displayName: 'Ravi Kumar', phone: '+919876543210' }),
    ]);
  });

  test('when an admin approves, then the person is an invited member with an invite card queued', async () => {
    const { requestId } = await ask('Ravi', '9876543210');
    const results = await decideJoinRequests(
      world.ctx,
      { groupId: group.id, decision: 'approve', requestIds: [requestId] },
      asha,
    );
    expect(results).toEqual([{ id: requestId, displayName: 'Ravi', outcome: 'approved' }]);
    const ravi = (await listMembers(world.ctx, group.id, asha)).members.find(
      (m) => m.person.phone === '+919876543210',
    );
    expect(ravi).toMatchObject({ state: 'invited', source: 'request', person: { displayName: 'Ravi' } });
    const cards = await under.storage.db.selectFrom('card_invites').selectAll().execute();
    expect(cards.map((c) => c.person_id)).toContain(ravi!.personId);
    expect((await listJoinRequests(world.ctx, group.id, asha)).requests).toEqual([]);
  });

  test('when an admin declines all, then nobody is added and the list is empty', async () => {
    await ask('Ravi', '9876543210');
    await ask('Meena', '9876543211');
    const results = await decideJoinRequests(world.ctx, { groupId: group.id, decision: 'decline' }, asha);
    expect(results.map((r) => r.outcome)).toEqual(['declined', 'declined']);
    expect((await listMembers(world.ctx, group.id, asha)).members).toHaveLength(1);
    expect((await listJoinRequests(world.ctx, group.id, asha)).requests).toEqual([]);
  });

  test('when two admins decide the same request, then the second hears it is gone', async () => {
    const { requestId } = await ask('Ravi', '9876543210');
    await decideJoinRequests(
      world.ctx,
      { groupId: group.id, decision: 'decline', requestIds: [requestId] },
      asha,
    );
    const again = await decideJoinRequests(
      world.ctx,
      { groupId: group.id, decision: 'approve', requestIds: [requestId] },
      asha,
    );
    expect(again[0]?.outcome).toBe('gone');
  });

  test('when two weeks pass unanswered, then the request expires and cannot be approved', async () => {
    const { requestId } = await ask('Ravi', '9876543210');
    world.clock.advanceDays(14);
    expect((await listJoinRequests(world.ctx, group.id, asha)).requests).toEqual([]);
    const results = await decideJoinRequests(
      world.ctx,
      { groupId: group.id, decision: 'approve', requestIds: [requestId] },
      asha,
    );
    expect(results[0]?.outcome).toBe('gone');
    expect((await listMembers(world.ctx, group.id, asha)).members).toHaveLength(1);
  });

  test('when the number already belongs to a member, then the answer is the same as for a stranger', async () => {
    await addMembersByPhone(
      world.ctx,
      { groupId: group.id, phones: ['9876543210'], region: 'IN', role: 'member', source: 'manual' },
      asha,
    );
    const member = await ask('Ravi', '9876543210');
    const stranger = await ask('Meena', '9876543211');
    expect(Object.keys(member)).toEqual(Object.keys(stranger));
    expect(member).toMatchObject({ groupName: 'Drivers', status: 'pending' });
  });

  test('when the same number asks twice, then the one waiting request is answered again', async () => {
    const first = await ask('Ravi', '9876543210');
    const second = await ask('Ravi K', '+91 98765 43210');
    expect(second.requestId).toBe(first.requestId);
    expect((await listJoinRequests(world.ctx, group.id, asha)).requests).toHaveLength(1);
  });

  test('when one address asks too often, then JOIN_REQUESTS_TOO_MANY until an hour has passed', async () => {
    for (let i = 0; i < joinRequestLimits.perRequesterPerHour; i++) {
      await ask(`Person ${i}`, `98765432${10 + i}`, { requesterKey: 'addr-1' });
    }
    await expect(ask('One more', '9876543299', { requesterKey: 'addr-1' })).rejects.toMatchObject({
      code: 'JOIN_REQUESTS_TOO_MANY',
      kind: 'rate-limited',
    });
    await expect(ask('Other address', '9876543298', { requesterKey: 'addr-2' })).resolves.toMatchObject({
      status: 'pending',
    });
    world.clock.advanceDays(1 / 24 + 0.001);
    await expect(ask('Later', '9876543297', { requesterKey: 'addr-1' })).resolves.toMatchObject({
      status: 'pending',
    });
  });

  test('when a link gets too many requests in an hour, then it refuses more', async () => {
    for (let i = 0; i < joinRequestLimits.perLinkPerHour; i++) {
      await ask(`Person ${i}`, `9876${String(500000 + i)}`);
    }
    await expect(ask('One more', '9876543299')).rejects.toMatchObject({ code: 'JOIN_REQUESTS_TOO_MANY' });
  });

  test.each([
    ['', '9876543210', 'JOIN_REQUEST_NAME_INVALID'],
    ['Ravi', '12345', 'PHONE_INVALID'],
    ['Ravi', 'call me', 'PHONE_INVALID'],
  ])('when the name is "%s" and the number "%s", then %s', async (name, phone, code) => {
    await expect(ask(name, phone)).rejects.toMatchObject({ code });
  });

  test('when a personal group gets a number without country code and no region, then the region is asked for', async () => {
    await expect(
      requestToJoin(world.ctx, { token, displayName: 'Ravi', phone: '9876543210' }),
    ).rejects.toMatchObject({
      code: 'JOIN_REQUEST_REGION_NEEDED',
    });
    await expect(
      requestToJoin(world.ctx, { token, displayName: 'Ravi', phone: '+44 7911 123456' }),
    ).resolves.toMatchObject({ status: 'pending' });
  });

  test('when the link was reset, then asking through it is INVITE_REVOKED', async () => {
    await createInviteLink(world.ctx, { groupId: group.id }, asha);
    const { resetInviteLink } = await import('../../../src/domain/invites/create-invite-link');
    await resetInviteLink(world.ctx, { groupId: group.id }, asha);
    await expect(ask('Ravi', '9876543210')).rejects.toMatchObject({ code: 'INVITE_REVOKED' });
  });

  test('when a member who cannot add people lists requests, then NOT_ALLOWED', async () => {
    const ben = await world.person('Ben');
    await redeemInviteLink(world.ctx, { token }, ben);
    await expect(listJoinRequests(world.ctx, group.id, ben)).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
  });

  describe('join approval', () => {
    test('when a link needs approval, then a signed-in join becomes a request and approving joins them', async () => {
      const approvalLink = await createInviteLink(
        world.ctx,
        { groupId: group.id, approvalRequired: true },
        asha,
      );
      const ben = await world.person('Ben');
      expect(await redeemInviteLink(world.ctx, { token: approvalLink.token }, ben)).toMatchObject({
        outcome: 'requested',
      });
      expect((await listMembers(world.ctx, group.id, asha)).members.map((m) => m.personId)).not.toContain(
        ben.personId,
      );
      const { requests } = await listJoinRequests(world.ctx, group.id, asha);
      expect(requests).toEqual([expect.objectContaining({ displayName: 'Ben', signedIn: true })]);
      await decideJoinRequests(world.ctx, { groupId: group.id, decision: 'approve' }, asha);
      const benNow = (await listMembers(world.ctx, group.id, asha)).members.find(
        (m) => m.personId === ben.personId,
      );
      expect(benNow).toMatchObject({ state: 'joined', source: 'request' });
    });
  });

  describe('organisation groups', () => {
    beforeEach(async () => {
      await mapGroupToOrganisation(
        world.ctx,
        {
          groupId: group.id,
          organisation: { tenantId: CONTOSO_TENANT, displayName: 'Contoso', defaultRegion: 'IN' },
        },
        asha,
      );
    });

    test('when a link is made for an organisation group, then it is for organisation accounts only, and someone without one can still ask', async () => {
      const issued = await createInviteLink(world.ctx, { groupId: group.id }, asha);
      expect(issued.link.organisationAccountsOnly).toBe(true);
      const fay = await world.person('Fay', FABRIKAM_TENANT);
      await expect(redeemInviteLink(world.ctx, { token: issued.token }, fay)).rejects.toMatchObject({
        code: 'INVITE_ORGANISATION_ACCOUNTS_ONLY',
      });
      await requestToJoin(world.ctx, { token: issued.token, displayName: 'Ravi', phone: '9876543210' });
      const { requests } = await listJoinRequests(world.ctx, group.id, asha);
      expect(requests.map((r) => r.phone)).toEqual(['+919876543210']);
    });

    test('when someone of another tenant joins through a widened link, then they are listed as external', async () => {
      const issued = await createInviteLink(
        world.ctx,
        { groupId: group.id, organisationAccountsOnly: false },
        asha,
      );
      const fay = await world.person('Fay', FABRIKAM_TENANT);
      const ben = await world.person('Ben', CONTOSO_TENANT);
      await redeemInviteLink(world.ctx, { token: issued.token }, fay);
      await redeemInviteLink(world.ctx, { token: issued.token }, ben);
      const members = (await listMembers(world.ctx, group.id, asha)).members;
      expect(members.find((m) => m.personId === fay.personId)?.external).toBe(true);
      expect(members.find((m) => m.personId === ben.personId)?.external).toBe(false);
      expect(members.find((m) => m.personId === asha.personId)?.external).toBe(false);
    });

    test('when the link is widened to anyone, then the number is read in the organisation region', async () => {
      const issued = await createInviteLink(
        world.ctx,
        { groupId: group.id, organisationAccountsOnly: false },
        asha,
      );
      await requestToJoin(world.ctx, { token: issued.token, displayName: 'Ravi', phone: '09876543210' });
      const { requests } = await listJoinRequests(world.ctx, group.id, asha);
      expect(requests[0]?.phone).toBe('+919876543210');
    });
  });
});
