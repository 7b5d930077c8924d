import type { Actor } from '../access/actor';
import { assertMay, type GroupRelation } from '../access/permissions';
import { type AuditEntry, auditEntry } from '../audit/audit-entry';
import { type Group, groupNameKey, groupScopeKey } from '../groups/group';
import type { Membership } from '../memberships/membership';
import { LastAdmin } from '../memberships/membership.errors';
import { type HintedFields, hintChanges } from '../people/account-hints';
import { newPerson, type Person } from '../people/person';
import { requestMemberSync } from '../provisioning/provision-group.job';
import { DomainError } from '../shared/domain-error';
import { newId } from '../shared/ids';
import type { Repositories } from '../shared/unit-of-work.port';
import type { RowOutcome } from './row-outcome';
import type { UploadCounts } from './upload';
import type { UserGroupPlanRow } from './user-group-validator';

export interface ApplyContext {
  now: Date;
  actor: Actor;
  organisationId: string;
  jobId: string;
}

/** A row that could not be applied, with the coded reason. */
export interface RowFailure {
  index: number;
  code: string;
  message: string;
}

/** What applying a batch did: counts, the failed rows, and the outcome of every row and new group. */
export interface BatchResult {
  counts: Partial<UploadCounts>;
  failures: RowFailure[];
  outcomes: RowOutcome[];
}

/** Org admins act on their organisation's groups through the same permission table as everywhere. */
const orgAdmin: ReadonlySet<GroupRelation> = new Set(['org-admin']);

/**
 * Applies a batch of validated User Group Mapping rows in the caller's transaction, with the rules
 * of the interactive use cases: a missing group is created in the organisation with the uploader
 * as its first admin (as createGroup does), an existing member is left alone unless the file gives
 * them another role, a group keeps at least one admin (LAST_ADMIN), every change is audited with the
 * job id, and everyone added gets an invite card. Reads and writes go set-at-a-time. Every row's
 * outcome (and each group created) is returned for the job log.
 */
export async function applyUserGroupRows(
  repos: Repositories,
  context: ApplyContext,
  rows: UserGroupPlanRow[],
): Promise<BatchResult> {
  const { now, actor, organisationId, jobId } = context;
  const at = now.toISOString();
  const counts: Partial<UploadCounts> & Record<keyof UploadCounts, number> = {
    groupsCreated: 0,
    membersAdded: 0,
    membersRemoved: 0,
    rolesChanged: 0,
    parentsSet: 0,
    unchanged: 0,
    failed: 0,
  };
  const failures: RowFailure[] = [];
  const outcomes: RowOutcome[] = [];
  const audit: AuditEntry[] = [];
  const scope = groupScopeKey({ organisationId, createdBy: actor.personId });

  // Groups: find by name, create the missing ones that rows add people to. A batch names the same
  // few groups thousands of times, so each spelling is normalised once.
  const keyOf = new Map<string, string>();
  const nameKey = (name: string): string => {
    let key = keyOf.get(name);
    if (key === undefined) {
      key = groupNameKey(name);
      keyOf.set(name, key);
    }
    return key;
  };
  const groups = new Map<string, Group>();
  const keys = [...new Set(rows.map((row) => nameKey(row.group)))];
  for (const group of await repos.bulk.groupsByNameKeys(scope, keys))
    groups.set(groupNameKey(group.name), group);
  const newGroups: Group[] = [];
  const creatorMemberships: Membership[] = [];
  for (const [index, row] of rows.entries()) {
    const key = nameKey(row.group);
    if (groups.has(key) || row.action === 'remove') continue;
    const group: Group = {
      id: newId(),
      name: row.group,
      parentId: null,
      organisationId,
      createdBy: actor.personId,
      createdAt: at,
    };
    groups.set(key, group);
    newGroups.push(group);
    outcomes.push({ index, outcome: 'group-created', group: group.name });
    creatorMemberships.push(membership(group.id, actor.personId, 'admin', 'creator', 'joined', null, at));
    audit.push(
      auditEntry(now, actor.personId, 'group.created', group.id, { name: group.name, organisationId }, jobId),
    );
  }
  counts.groupsCreated = newGroups.length;

  // People: find by phone, create those being added for the first time.
  const people = new Map<string, Person>();
  for (const person of await repos.bulk.peopleByPhones([...new Set(rows.map((row) => row.phone))])) {
    if (person.phone) people.set(person.phone, person);
  }
  const newPeople: Person[] = [];
  for (const row of rows) {
    if (people.has(row.phone) || row.action === 'remove') continue;
    const person = newPerson({ id: newId(), phone: row.phone, displayName: row.name || null, createdAt: at });
    people.set(row.phone, person);
    newPeople.push(person);
  }
  const hinted = accountHints(rows, people, new Set(newPeople));

  const memberships = new Map<string, Membership>();
  const membershipKey = (groupId: string, personId: string) => `${groupId}|${personId}`;
  for (const m of creatorMemberships) memberships.set(membershipKey(m.groupId, m.personId), m);
  const created = new Set<object>([...newGroups, ...newPeople]);
  const existingGroupIds = [...groups.values()].filter((g) => !created.has(g)).map((g) => g.id);
  const existingPersonIds = [...people.values()].filter((p) => !created.has(p)).map((p) => p.id);
  for (const m of await repos.bulk.memberships(existingGroupIds, existingPersonIds)) {
    memberships.set(membershipKey(m.groupId, m.personId), m);
  }
  const adminCounts = new Map<string, number>();
  const admins = async (groupId: string): Promise<number> => {
    let count = adminCounts.get(groupId);
    if (count === undefined) {
      const isNew = newGroups.some((g) => g.id === groupId);
      // A new group's only admin so far is its creator (not yet written).
      count = isNew ? 1 : await repos.memberships.countAdmins(groupId);
      adminCounts.set(groupId, count);
    }
    return count;
  };

  const added: Membership[] = [];
  const addedByGroup = new Map<string, string[]>();
  const promotedGroups = new Set<string>();
  for (const [index, row] of rows.entries()) {
    const group = groups.get(nameKey(row.group));
    const person = people.get(row.phone);
    const existing = group && person ? memberships.get(membershipKey(group.id, person.id)) : undefined;
    const said = (outcome: RowOutcome['outcome'], extra?: Pick<RowOutcome, 'code' | 'message'>) =>
      outcomes.push({
        index,
        outcome,
        group: group?.name ?? row.group,
        phone: row.phone,
        name: person?.displayName || row.name || null,
        role: row.role,
        ...extra,
      });
    try {
      if (row.action === 'remove') {
        if (!group || !person || !existing) {
          counts.unchanged++;
          said('not-a-member');
          continue;
        }
        assertMay(orgAdmin, existing.role === 'admin' ? 'manage-admins' : 'manage-members', group.name);
        if (existing.role === 'admin') {
          if ((await admins(group.id)) <= 1) throw new LastAdmin(group.name);
          adminCounts.set(group.id, (await admins(group.id)) - 1);
        }
        await repos.memberships.remove(group.id, person.id);
        memberships.delete(membershipKey(group.id, person.id));
        audit.push(
          auditEntry(now, actor.personId, 'member.removed', group.id, { personId: person.id }, jobId),
        );
        counts.membersRemoved++;
        said('removed');
        continue;
      }
      if (!group || !person) throw new Error('a group or person to add was not prepared');
      assertMay(orgAdmin, row.role === 'admin' ? 'manage-admins' : 'manage-members', group.name);
      if (!existing) {
        const m = membership(group.id, person.id, row.role, 'bulk', 'invited', actor.personId, at);
        memberships.set(membershipKey(group.id, person.id), m);
        added.push(m);
        const groupAdded = addedByGroup.get(group.id) ?? [];
        groupAdded.push(person.id);
        addedByGroup.set(group.id, groupAdded);
        if (row.role === 'admin') adminCounts.set(group.id, (await admins(group.id)) + 1);
        audit.push(
          auditEntry(
            now,
            actor.personId,
            'member.added',
            group.id,
            { personId: person.id, role: row.role },
            jobId,
          ),
        );
        counts.membersAdded++;
        said('added');
      } else if (existing.role === row.role || existing.state === 'declined') {
        counts.unchanged++;
        said('already-there');
      } else {
        if (existing.role === 'admin') {
          if ((await admins(group.id)) <= 1) throw new LastAdmin(group.name);
          adminCounts.set(group.id, (await admins(group.id)) - 1);
        } else adminCounts.set(group.id, (await admins(group.id)) + 1);
        await repos.memberships.setRole(group.id, person.id, row.role, at);
        memberships.set(membershipKey(group.id, person.id), { ...existing, role: row.role, updatedAt: at });
        audit.push(
          auditEntry(
            now,
            actor.personId,
            row.role === 'admin' ? 'member.promoted' : 'member.demoted',
            group.id,
            { personId: person.id },
            jobId,
          ),
        );
        if (row.role === 'admin') promotedGroups.add(group.id);
        counts.rolesChanged++;
        said('role-changed');
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      counts.failed++;
      failures.push({ index, code: error.code, message: error.message });
      said('failed', { code: error.code, message: error.message });
    }
  }

  await repos.bulk.insertGroups(newGroups);
  await repos.bulk.insertPeople(newPeople);
  for (const [personId, changes] of hinted) await repos.people.update(personId, changes);
  await repos.bulk.insertMemberships([...creatorMemberships, ...added]);
  // Everyone added gets an invite card, as queueCardInvites does, with one audit entry per group.
  const invites = [...addedByGroup].flatMap(([groupId, personIds]) =>
    personIds.map((personId) => ({ groupId, personId, invitedBy: actor.personId })),
  );
  const queuedPerGroup = new Map<string, number>();
  for (const invite of await repos.cardInvites.enqueueMany(invites, at)) {
    queuedPerGroup.set(invite.groupId, (queuedPerGroup.get(invite.groupId) ?? 0) + 1);
  }
  for (const [groupId, count] of queuedPerGroup) {
    audit.push(auditEntry(now, actor.personId, 'card-invite.queued', groupId, { count }, jobId));
  }
  await repos.bulk.appendAudit(audit);
  // Groups already in the organisation's tenant get the people added or promoted here.
  await requestMemberSync(repos, [...addedByGroup.keys(), ...promotedGroups], now);
  return { counts, failures, outcomes };
}

function membership(
  groupId: string,
  personId: string,
  role: Membership['role'],
  source: Membership['source'],
  state: Membership['state'],
  invitedBy: string | null,
  at: string,
): Membership {
  return { groupId, personId, role, source, state, invitedBy, createdAt: at, updatedAt: at };
}

/**
 * The e-mail addresses and employee ids the file gives, kept on people who have no account yet so
 * the directory can find the one they may have (the last row naming a person wins), and the names it
 * gives for people without one (see hintChanges).
 * People created here get them before they are inserted; the few existing people whose values change
 * are returned for an update.
 */
function accountHints(
  rows: UserGroupPlanRow[],
  people: Map<string, Person>,
  created: ReadonlySet<Person>,
): Map<string, HintedFields> {
  const changed = new Map<string, HintedFields>();
  for (const row of rows) {
    const person = people.get(row.phone);
    if (row.action === 'remove' || !person) continue;
    const changes = hintChanges(person, row);
    if (!changes) continue;
    Object.assign(person, changes);
    if (!created.has(person)) changed.set(person.id, changes);
  }
  return changed;
}
