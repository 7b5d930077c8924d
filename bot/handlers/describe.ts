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

export { countOf } from '../../src/domain/shared/count-words';
