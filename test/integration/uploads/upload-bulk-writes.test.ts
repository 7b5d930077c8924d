import { groupNameKey, groupScopeKey } from '../../../src/domain/groups/group';
import { newPerson } from '../../../src/domain/people/person';
import { repositoriesFor } from '../../../src/infra/storage/kysely-unit-of-work';
import { describeEachDialect, type StorageUnderTest } from '../../support/storages';

const at = '2026-01-01T00:00:00.000Z';
const later = '2026-01-02T00:00:00.000Z';
const person = (n: number) =>
  newPerson({
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    phone: `+9198765${String(n).padStart(5, '0')}`,
    displayName: `Person ${n}`,
    createdAt: at,
  });

describeEachDialect('bulk writes for applying uploads', (dialect) => {
  let db: StorageUnderTest;
  beforeEach(async () => {
    db = await dialect.open();
  });
  afterEach(() => db.dispose());

  test('when invites are queued many at a time, then new ones are queued, answered or queued ones are left alone and the rest re-queued', async () => {
    const repos = repositoriesFor(db.storage.db);
    const admin = person(0);
    const people = Array.from({ length: 450 }, (_, i) => person(i + 1));
    await repos.bulk.insertPeople([admin, ...people]);
    const group = {
      id: '10000000-0000-4000-8000-000000000001',
      name: 'Night shift',
      parentId: null,
      organisationId: null,
      createdBy: admin.id,
      createdAt: at,
    };
    await repos.bulk.insertGroups([group]);
    const invite = (p: { id: string }) => ({ groupId: group.id, personId: p.id, invitedBy: admin.id });

    // Earlier invites: one joined, one declined, one still queued, one that failed to deliver.
    const [joined, declined, queued, failed] = people;
    await repos.cardInvites.enqueue([joined!, declined!, queued!, failed!].map(invite), at);
    const idOf = async (p: { id: string }) => (await repos.cardInvites.findByMembership(group.id, p.id))!.id;
    await repos.cardInvites.answer(await idOf(joined!), 'joined', at);
    await repos.cardInvites.answer(await idOf(declined!), 'declined', at);
    await db.storage.db
      .updateTable('card_invites')
      .set({ state: 'failed', attempts: 3, failure_code: 'NOT_REACHABLE' })
      .where('id', '=', await idOf(failed!))
      .execute();

    // More than one statement's worth, with one person named twice.
    const result = await repos.cardInvites.enqueueMany([...people, people[10]!].map(invite), later);

    const queuedIds = new Set(result.map((r) => r.personId));
    expect(result).toHaveLength(people.length - 3);
    expect(queuedIds.has(joined!.id) || queuedIds.has(declined!.id) || queuedIds.has(queued!.id)).toBe(false);
    expect(queuedIds.has(failed!.id)).toBe(true);
    expect(await repos.cardInvites.countByState(group.id)).toEqual({
      joined: 1,
      declined: 1,
      queued: people.length - 2,
    });
    const requeued = await repos.cardInvites.findByMembership(group.id, failed!.id);
    expect(requeued).toMatchObject({ state: 'queued', attempts: 0, failureCode: null, updatedAt: later });
    const untouched = await repos.cardInvites.findByMembership(group.id, queued!.id);
    expect(untouched).toMatchObject({ state: 'queued', updatedAt: at });
    const fresh = await repos.cardInvites.findByMembership(group.id, people[200]!.id);
    expect(fresh).toMatchObject({ state: 'queued', invitedBy: admin.id, createdAt: later });
    expect(result.find((r) => r.personId === people[200]!.id)!.id).toBe(fresh!.id);
  });

  test('when rows are inserted in several statements, then every row arrives with its values in place', async () => {
    const repos = repositoriesFor(db.storage.db);
    const people = Array.from({ length: 1234 }, (_, i) => person(i));
    await repos.bulk.insertPeople(people);
    const found = await repos.bulk.peopleByPhones(people.map((p) => p.phone!));
    expect(found).toHaveLength(people.length);
    expect(found.find((p) => p.id === people[777]!.id)).toEqual(people[777]);
  });

  test('when groups and memberships are read in bulk, then they are the same entities the one-row repositories read', async () => {
    const repos = repositoriesFor(db.storage.db);
    const [admin, member] = [person(1), person(2)];
    await repos.bulk.insertPeople([admin, member]);
    const group = {
      id: '10000000-0000-4000-8000-000000000002',
      name: 'Day shift',
      parentId: null,
      organisationId: null,
      createdBy: admin.id,
      createdAt: at,
    };
    await repos.bulk.insertGroups([group]);
    const membership = {
      groupId: group.id,
      personId: member.id,
      role: 'member' as const,
      source: 'bulk' as const,
      state: 'invited' as const,
      invitedBy: admin.id,
      createdAt: at,
      updatedAt: later,
    };
    await repos.bulk.insertMemberships([membership]);

    const [bulkGroup] = await repos.bulk.groupsByNameKeys(groupScopeKey(group), [groupNameKey(group.name)]);
    expect(bulkGroup).toEqual(await repos.groups.findById(group.id));
    expect(bulkGroup).toEqual(group);
    const [bulkMembership] = await repos.bulk.memberships([group.id], [member.id]);
    expect(bulkMembership).toEqual(await repos.memberships.find(group.id, member.id));
    expect(bulkMembership).toEqual(membership);
  });
});
