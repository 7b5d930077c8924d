import type { Role } from '../../src/domain/memberships/membership';

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "4 Feb 2026": dates on cards, unambiguous in every locale. */
export const formatDate = (iso: string): string => dateFormat.format(new Date(iso));

export const roleLabel = (role: Role | null): string =>
  role === 'admin' ? 'Admin' : role === 'member' ? 'Member' : 'None';

/** "1 member", "3 members". */
export const countOf = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
