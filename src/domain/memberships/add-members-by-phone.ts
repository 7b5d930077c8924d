import type { Actor } from '../access/actor';
import { assertMay } from '../access/permissions';
import { relationsTo } from '../access/relations';
import type { Group } from '../groups/group';
import { loadGroup } from '../groups/load-group';
import { AccountHintInvalid } from '../people/account-hint.errors';
import { type HintedFields, hintChanges, readEmail, readEmployeeId } from '../people/account-hints';
import { newPerson, type Person } from '../people/person';
import { PhoneInvalid } from '../people/phone.errors';
import { parseRegion, type Region, toE164 } from '../people/phone-number';
import { newId } from '../shared/ids';
import type { DomainContext, Repositories } from '../shared/unit-of-work.port';
import { yieldToEventLoop } from '../shared/yield-to-event-loop';
import { admitToGroup } from './admit-to-group';
import type { Membership, MembershipSource, Role } from './membership';
import { TooManyPhoneNumbers } from './membership.errors';

export interface AddMembersInput {
  groupId: string;
  phones: string[];
  region: string;
  role: Role;
  source: Extract<MembershipSource, 'manual' | 'bulk'>;
  /**
   * What the admin said about some of them, by the number as given: a name for people Convene knows no
   * name for, an e-mail address and employee ID to find the account they already have.
   */
  about?: ReadonlyMap<string, PersonGiven>;
}

/** What an admin may say about someone they add by phone. */
export interface PersonGiven {
  name?: string;
  email?: string;
  employeeId?: string;
}

/** What was given, checked and normalised (see account-hints). */
type Given = { name: string | null; email: string | null; employeeId: string | null };

export type AddMemberResult =
  | { input: string; outcome: 'added' | 'already-member'; phone: string; personId: string }
  | {
      input: string;
      outcome: 'invalid';
      code: string;
      /** The refusal's English words; `code` and `details` let a transport say it in the reader's language. */
      reason: string;
      details: Record<string, unknown>;
    };

/**
 * Numbers one request may add: a column pasted from a spreadsheet (a site's or a department's
 * roster). More is what bulk upload is for, with its report and its job (docs/bounded-work.md).
 */
export const MAX_PHONES_PER_REQUEST = 5000;

/**
 * Numbers per slice: each slice is one short transaction (SQLite's one connection serves everyone)
 * of a few set-at-a-time statements, and the process turns to other work between slices. A request of
 * at most one slice is no heavier than any other write.
 */
export const PHONES_PER_SLICE = 50;

type Checked = { input: string; phone: string } | { input: string; problem: PhoneInvalid };

/**
 * Adds people by phone number. Each number gets its own result: a bad number is reported and the
 * good ones are still added. Up to MAX_PHONES_PER_REQUEST numbers, in slices of PHONES_PER_SLICE: each slice
 * commits whole (its memberships, audit entries and invite cards together), and the rights are
 * checked again in each; a repeated request adds nobody twice.
 */
export async function addMembersByPhone(
  ctx: DomainContext,
  input: AddMembersInput,
  actor: Actor,
): Promise<AddMemberResult[]> {
  if (input.phones.length > MAX_PHONES_PER_REQUEST) {
    throw new TooManyPhoneNumbers(input.phones.length, MAX_PHONES_PER_REQUEST);
  }
  const region = parseRegion(input.region);
  const about = checkGiven(input.about);
  const results: AddMemberResult[] = [];
  for (let start = 0; start === 0 || start < input.phones.length; start += PHONES_PER_SLICE) {
    if (start > 0) await yieldToEventLoop();
    // Reading numbers is CPU work: done before the transaction, so the database waits for none of it.
    const checked = input.phones.slice(start, start + PHONES_PER_SLICE).map((raw) => check(raw, region));
    const slice = await ctx.uow.run(async (repos) => {
      const group = await loadGroup(repos, input.groupId);
      const action = input.role === 'admin' ? 'manage-admins' : 'manage-members';
      assertMay(await relationsTo(repos, actor, group), action, group.name);
      const now = ctx.clock.now();
      return addCheckedToGroup(
        repos,
        { group, checked, role: input.role, source: input.source, now, about },
        actor,
      );
    });
    results.push(...slice);
  }
  return results;
}

/**
 * The rule of *Add users* inside a caller's transaction, for use cases that end in adding someone by
 * phone (approving a join request): the caller has checked the actor may do it.
 */
export function addPhonesToGroup(
  repos: Repositories,
  input: Pick<AddMembersInput, 'phones' | 'role'> & {
    group: Group;
    region: Region;
    source: MembershipSource;
    now: Date;
  },
  actor: Actor,
): Promise<AddMemberResult[]> {
  const checked = input.phones.map((raw) => check(raw, input.region));
  return addCheckedToGroup(repos, { ...input, checked }, actor);
}

/** Refuses the whole request for one bad e-mail address or employee ID, before anything is written. */
function checkGiven(about: AddMembersInput['about']): ReadonlyMap<string, Given> {
  const checked = new Map<string, Given>();
  for (const [phone, given] of about ?? []) {
    const email = readEmail(given.email ?? '');
    if (email !== null && typeof email === 'object')
      throw new AccountHintInvalid(phone, 'email', email.refused);
    const employeeId = readEmployeeId(given.employeeId ?? '');
    if (employeeId !== null && typeof employeeId === 'object')
      throw new AccountHintInvalid(phone, 'employeeId', employeeId.refused);
    const name = given.name?.replace(/\s+/g, ' ').trim() || null;
    checked.set(phone, { name, email, employeeId });
  }
  return checked;
}

function check(input: string, region: Region): Checked {
  try {
    return { input, phone: toE164(input, region) };
  } catch (error) {
    if (!(error instanceof PhoneInvalid)) throw error;
    return { input, problem: error };
  }
}

/** Checked numbers added in the caller's transaction, read and written set-at-a-time (`repos.bulk`). */
async function addCheckedToGroup(
  repos: Repositories,
  input: {
    group: Group;
    checked: Checked[];
    role: Role;
    source: MembershipSource;
    now: Date;
    about?: ReadonlyMap<string, Given>;
  },
  actor: Actor,
): Promise<AddMemberResult[]> {
  const { group, checked, now } = input;
  const hinted = new Map<string, HintedFields>();
  const at = now.toISOString();
  const phones = [...new Set(checked.flatMap((c) => ('phone' in c ? [c.phone] : [])))];
  const people = new Map<string, Person>();
  for (const person of await repos.bulk.peopleByPhones(phones))
    if (person.phone) people.set(person.phone, person);
  const known = [...people.values()].map((person) => person.id);
  const members = new Set((await repos.bulk.memberships([group.id], known)).map((m) => m.personId));

  const newPeople: Person[] = [];
  const added: Membership[] = [];
  const results = checked.map((c): AddMemberResult => {
    if ('problem' in c) {
      return {
        input: c.input,
        outcome: 'invalid',
        code: c.problem.code,
        reason: c.problem.message,
        details: c.problem.details,
      };
    }
    const given = input.about?.get(c.input);
    let person = people.get(c.phone);
    if (!person) {
      person = newPerson({ id: newId(), phone: c.phone, displayName: given?.name ?? null, createdAt: at });
      people.set(c.phone, person);
      newPeople.push(person);
    }
    const changes = given && hintChanges(person, given);
    if (changes) {
      Object.assign(person, changes);
      if (!newPeople.includes(person)) hinted.set(person.id, changes);
    }
    if (members.has(person.id)) {
      return { input: c.input, outcome: 'already-member', phone: c.phone, personId: person.id };
    }
    members.add(person.id);
    added.push({
      groupId: group.id,
      personId: person.id,
      role: input.role,
      source: input.source,
      state: 'invited',
      invitedBy: actor.personId,
      createdAt: at,
      updatedAt: at,
    });
    return { input: c.input, outcome: 'added', phone: c.phone, personId: person.id };
  });
  await repos.bulk.insertPeople(newPeople);
  for (const [personId, changes] of hinted) await repos.people.update(personId, changes);
  await admitToGroup(repos, { group, memberships: added, now }, actor);
  return results;
}
