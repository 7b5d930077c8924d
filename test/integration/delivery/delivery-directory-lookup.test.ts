import { randomUUID } from 'node:crypto';
import { renderInviteActivity } from '../../../bot/invite-card/render-invite-activity';
import type { Directory } from '../../../src/domain/directory/directory.port';
import { createGroup } from '../../../src/domain/groups/create-group';
import { listCardInvites } from '../../../src/domain/invites/list-card-invites';
import { addMembersByPhone } from '../../../src/domain/memberships/add-members-by-phone';
import { systemClock } from '../../../src/domain/shared/clock.port';
import { createDeliveryWorker } from '../../../src/infra/delivery/create-delivery-worker';
import { LocalDirectory } from '../../../src/infra/directory/local-directory';
import type { LocalDirectoryEntry } from '../../../src/infra/directory/local-directory-file';
import { createLogger } from '../../../src/infra/logging/logger';
import { SqlTeamsAddressBook } from '../../../src/infra/storage/repositories/teams-address-book.sql';
import { BotConnectorServer } from '../../fakes/bot-connector-server';
import { drained, fastRetries, phoneNumber } from '../../support/delivery-world';
import { CONTOSO_TENANT, DomainWorld } from '../../support/domain-world';
import { describeEachDialect, type StorageUnderTest } from '../../support/storages';

describeEachDialect('invite delivery finds the accounts people already have', (dialect) => {
  let under: StorageUnderTest;
  let world: DomainWorld;
  let connector: BotConnectorServer;
  beforeEach(async () => {
    under = await dialect.open();
    world = new DomainWorld(under.storage);
    connector = new BotConnectorServer({ perApp: 500, perConversation: 7 });
    await connector.start();
  });
  afterEach(async () => {
    await connector.stop();
    await under.dispose();
  });

  /** Five people added by phone; the admin gave some of them an e-mail address or employee id. */
  async function seed() {
    const { actor, organisation } = await world.orgAdmin('Ira');
    const group = await createGroup(
      world.ctx,
      { name: 'Night shift', organisationId: organisation.id },
      actor,
    );
    const phones = [0, 1, 2, 3, 4].map(phoneNumber);
    await addMembersByPhone(
      world.ctx,
      { groupId: group.id, phones, region: 'IN', role: 'member', source: 'manual' },
      actor,
    );
    const given: Record<number, { email?: string; employee_id?: string }> = {
      2: { email: 'chitra@contoso.example' },
      3: { employee_id: 'E-1003' },
      4: { email: 'kiran.private@contoso.example', employee_id: 'E-9999' },
    };
    for (const [i, values] of Object.entries(given)) {
      await under.storage.db
        .updateTable('people')
        .set(values)
        .where('phone', '=', phones[Number(i)]!)
        .execute();
    }
    return { group, actor, phones };
  }

  /** Stand-in accounts for people 0–3, each findable by one field only, reachable in Teams. */
  async function accounts(): Promise<LocalDirectoryEntry[]> {
    const entry = (i: number, fields: Partial<LocalDirectoryEntry>): LocalDirectoryEntry => ({
      phone: `+447700900${100 + i}`,
      aadObjectId: randomUUID(),
      displayName: `Account ${i}`,
      userPrincipalName: `account${i}@contoso.example`,
      ...fields,
    });
    const entries = [
      entry(0, { phone: phoneNumber(0) }),
      // Written as people write it, in the organisation's region.
      entry(1, { businessPhones: ['098000 00001'] }),
      entry(2, { email: 'Chitra@Contoso.example' }),
      entry(3, { employeeId: 'e-1003' }),
    ];
    const book = new SqlTeamsAddressBook(under.storage.db);
    for (const e of entries) {
      await book.remember(
        CONTOSO_TENANT,
        e.aadObjectId,
        { serviceUrl: connector.url, conversationId: `a:personal:${e.aadObjectId}` },
        new Date(),
      );
    }
    return entries;
  }

  const worker = (directory: Directory) =>
    createDeliveryWorker({
      storage: under.storage,
      ctx: { uow: world.ctx.uow, clock: systemClock },
      directory,
      render: renderInviteActivity,
      logger: createLogger('silent'),
      options: { ratePerSecond: 50, perConversationPerSecond: 7, ...fastRetries },
    });

  const people = () =>
    under.storage.db
      .selectFrom('people')
      .select(['phone', 'aad_object_id', 'user_principal_name', 'directory_outcome', 'directory_checked_at'])
      .where('phone', 'is not', null)
      .orderBy('phone')
      .execute();

  test('when people are found by mobile, business phone, e-mail or employee id, then they are linked with their sign-in name, their cards go out, and everyone’s last lookup is recorded', async () => {
    const { group, actor, phones } = await seed();
    const entries = await accounts();
    const w = worker(new LocalDirectory(under.storage.db, CONTOSO_TENANT, entries, 'IN'));
    w.start();
    expect(await drained(under.storage)).toEqual({ sent: 4, failed: 1 });
    await w.stop();

    const rows = await people();
    expect(rows.map((r) => [r.phone, r.aad_object_id, r.user_principal_name, r.directory_outcome])).toEqual([
      ...entries.map((e, i) => [phones[i], e.aadObjectId, `account${i}@contoso.example`, 'matched']),
      [phones[4], null, null, 'not-found'],
    ]);
    expect(rows.every((r) => r.directory_checked_at !== null)).toBe(true);
    expect(connector.accepted.map((a) => a.conversationId).sort()).toEqual(
      entries.map((e) => `a:personal:${e.aadObjectId}`).sort(),
    );

    // The reason says what was tried without repeating the e-mail address or the employee id.
    const failed = (await listCardInvites(world.ctx, group.id, actor)).invites.find(
      (i) => i.state === 'failed',
    )!;
    expect(failed.failureCode).toBe('NOT_IN_DIRECTORY');
    expect(failed.failureReason).toBe(
      `No Microsoft 365 account in the organisation has the number ${phones[4]} (nor the e-mail address or employee ID given for them); share the invite link instead.`,
    );
  });

  test('when the directory cannot be asked, then the invites wait for a retry and the people’s last lookup says failed', async () => {
    await seed();
    const local = new LocalDirectory(under.storage.db, CONTOSO_TENANT, [], 'IN');
    const down: Directory = {
      findUsersByPhone: (t, p) => local.findUsersByPhone(t, p),
      findUserByAccount: (t, a) => local.findUserByAccount(t, a),
      phonesOfUser: (t, id) => local.phonesOfUser(t, id),
      provisionGroup: (spec) => local.provisionGroup(spec),
      reachUser: (t, id) => local.reachUser(t, id),
      findPeople: async () => {
        throw new Error('Graph answered 503');
      },
    };
    expect(await worker(down).runOnce()).toBe(5);
    const rows = await people();
    expect(rows.map((r) => r.directory_outcome)).toEqual(Array(5).fill('failed'));
    const states = await under.storage.db
      .selectFrom('card_invites')
      .select(['state', 'failure_code'])
      .execute();
    expect(states.every((s) => s.state === 'queued')).toBe(true);
  });
});
