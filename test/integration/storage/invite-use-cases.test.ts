import type { Actor } from '../../../src/domain/access/actor';
import { createGroup } from '../../../src/domain/groups/create-group';
import type { Group } from '../../../src/domain/groups/group';
import { mapGroupToOrganisation } from '../../../src/domain/groups/map-group-to-organisation';
import { createInviteLink, resetInviteLink } from '../../../src/domain/invites/create-invite-link';
import { hashInviteToken } from '../../../src/domain/invites/invite-link';
import { redeemInviteLink } from '../../../src/domain/invites/redeem-invite-link';
import { addMembersByPhone } from '../../../src/domain/memberships/add-members-by-phone';
import { listMembers } from '../../../src/domain/memberships/list-members';
import { CONTOSO_TENANT, DomainWorld, FABRIKAM_TENANT } from '../../support/domain-world';
import { describeEachDialect, type StorageUnderTest } from '../../support/storages';

describeEachDialect('invite links', (dialect) => {
  let under: StorageUnderTest;
  let world: DomainWorld;
  let asha: Actor;
  let group: Group;
  beforeEach(async () => {
    under = await dialect.open();
    world = new DomainWorld(under.storage);
    asha = await world.person('Asha');
    group = await createGroup(world.ctx, { name: 'Drivers' }, asha);
  });
  afterEach(() => under.dispose());

  const uses = async (token: string) =>
    (await world.ctx.uow.run((repos) => repos.inviteLinks.findByTokenHash(hashInviteToken(token))))?.uses;

  test('when someone joins with a link, then they are a joined member and the link counts one use', async () => {
    const { token, link } = await createInviteLink(world.ctx, { groupId: group.id }, asha);
    expect(link.expiresAt).toBe('2026-02-04T09:00:00.000Z');
    const ben = await world.person('Ben');
    expect(await redeemInviteLink(world.ctx, { token }, ben)).toMatchObject({ outcome: 'joined' });
    const members = (await listMembers(world.ctx, group.id, asha)).members;
    expect(members.find((m) => m.personId === ben.personId)).toMatchObject({
      state: 'joined',
      source: 'link',
    });
    expect(await uses(token)).toBe(1);
  });

  test('when only the hash is stored, then the token itself is nowhere in the database', async () => {
    const { token } = await createInviteLink(world.ctx, { groupId: group.id }, asha);
    const rows = await under.storage.db.selectFrom('invite_links').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  test('when a member uses the link again, then it is not used up by them', async () => {
    const { token } = await createInviteLink(world.ctx, { groupId: group.id, maxUses: 1 }, asha);
    expect(await redeemInviteLink(world.ctx, { token }, asha)).toMatchObject({ outcome: 'already-member' });
    expect(await uses(token)).toBe(0);
  });

  test('when someone invited by phone joins by link, then their invitation becomes joined', async () => {
    const [added] = await addMembersByPhone(
      world.ctx,
      { groupId: group.id, phones: ['9988554401'], region: 'IN', role: 'member', source: 'manual' },
      asha,
    );
    const { token } = await createInviteLink(world.ctx, { groupId: group.id }, asha);
    const invitee = { personId: (added as { personId: string }).personId, tenantId: null, displayName: null };
    await redeemInviteLink(world.ctx, { token }, invitee);
    const members = (await listMembers(world.ctx, group.id, asha)).members;
    expect(members.find((m) => m.personId === invitee.personId)?.state).toBe('joined');
  });

  test('when the link has expired, then INVITE_EXPIRED', async () => {
    const { token } = await createInviteLink(world.ctx, { groupId: group.id, expiresInDays: 2 }, asha);
    world.clock.advanceDays(2);
    await expect(redeemInviteLink(world.ctx, { token }, await world.person('Ben'))).rejects.toMatchObject({
      code: 'INVITE_EXPIRED',
    });
  });

  test('when the link was reset, then the old one is INVITE_REVOKED and the new one works', async () => {
    const old = await createInviteLink(world.ctx, { groupId: group.id }, asha);
    const fresh = await resetInviteLink(world.ctx, { groupId: group.id }, asha);
    const ben = await world.person('Ben');
    await expect(redeemInviteLink(world.ctx, { token: old.token }, ben)).rejects.toMatchObject({
      code: 'INVITE_REVOKED',
    });
    await expect(redeemInviteLink(world.ctx, { token: fresh.token }, ben)).resolves.toMatchObject({
      outcome: 'joined',
    });
  });

  test('when people race for the last use, then exactly one joins and the rest hear INVITE_USED_UP', async () => {
    const { token } = await createInviteLink(world.ctx, { groupId: group.id, maxUses: 1 }, asha);
    const people = await Promise.all(['Ben', 'Cara', 'Dev', 'Eli'].map((name) => world.person(name)));
    const attempts = await Promise.allSettled(people.map((p) => redeemInviteLink(world.ctx, { token }, p)));
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    for (const failed of attempts.filter((a) => a.status === 'rejected')) {
      expect((failed as PromiseRejectedResult).reason).toMatchObject({ code: 'INVITE_USED_UP' });
    }
    expect(await uses(token)).toBe(1);
    expect((await listMembers(world.ctx, group.id, asha)).members).toHaveLength(2);
  });

  test('when the token is unknown, then INVITE_NOT_FOUND', async () => {
    await expect(
      redeemInviteLink(world.ctx, { token: 'AAAAAAAAAAAAAAAAAAAAAA' }, await world.person('Ben')),
    ).rejects.toMatchObject({ code: 'INVITE_NOT_FOUND' });
  });

  test('when a link is for organisation accounts only, then outsiders are refused and colleagues join', async () => {
    await expect(
      createInviteLink(world.ctx, { groupId: group.id, organisationAccountsOnly: true }, asha),
    ).rejects.toMatchObject({ code: 'INVITE_SETTINGS_INVALID' });
    await mapGroupToOrganisation(
      world.ctx,
      {
        groupId: group.id,
        organisation: { tenantId: CONTOSO_TENANT, displayName: 'Contoso', defaultRegion: 'IN' },
      },
      asha,
    );
    const { token } = await createInviteLink(
      world.ctx,
      { groupId: group.id, organisationAccountsOnly: true },
      asha,
    );
    await expect(
      redeemInviteLink(world.ctx, { token }, await world.person('Fay', FABRIKAM_TENANT)),
    ).rejects.toMatchObject({ code: 'INVITE_ORGANISATION_ACCOUNTS_ONLY' });
    await expect(redeemInviteLink(world.ctx, { token }, await world.person('Ben'))).resolves.toMatchObject({
      outcome: 'joined',
    });
  });

  test.each([
    [{ expiresInDays: 0 }, 'expiry must be 1 to 365'],
    [{ expiresInDays: 366 }, 'expiry must be 1 to 365'],
    [{ maxUses: 0 }, 'uses must be 1 to'],
    [{ maxUses: 1.5 }, 'uses must be 1 to'],
  ])('when the settings are %j, then INVITE_SETTINGS_INVALID says %s', async (settings, words) => {
    await expect(createInviteLink(world.ctx, { groupId: group.id, ...settings }, asha)).rejects.toMatchObject(
      {
        code: 'INVITE_SETTINGS_INVALID',
        message: expect.stringContaining(words),
      },
    );
  });

  test('when a stranger asks for a link, then NOT_ALLOWED', async () => {
    await expect(
      createInviteLink(world.ctx, { groupId: group.id }, await world.person('Sam')),
    ).rejects.toMatchObject({
      code: 'NOT_ALLOWED',
    });
  });
});
