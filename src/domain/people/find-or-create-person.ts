import { newId } from '../shared/ids';
import type { Repositories } from '../shared/unit-of-work.port';
import { newPerson, type Person } from './person';

/** The person with this E.164 number, created on first mention. */
export async function findOrCreatePersonByPhone(
  repos: Repositories,
  phone: string,
  now: Date,
): Promise<Person> {
  const existing = await repos.people.findByPhone(phone);
  if (existing) return existing;
  const person = newPerson({ id: newId(), phone, createdAt: now.toISOString() });
  await repos.people.insert(person);
  return person;
}
