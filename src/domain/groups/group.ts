import { GroupNameEmpty, GroupNameTooLong } from './group.errors';

export const GROUP_NAME_MAX_LENGTH = 100;

/** A chat group being moved to Teams. Personal until mapped to an organisation; mapped for good after. */
export interface Group {
  id: string;
  name: string;
  parentId: string | null;
  organisationId: string | null;
  createdBy: string;
  createdAt: string;
}

/**
 * Trims and folds inner white space so "Sales  (East) " and "Sales (East)" are one name.
 * Control characters are dropped: they only ever arrive by accident from spreadsheets.
 */
export function normaliseGroupName(raw: string): string {
  const name = raw
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (name === '') throw new GroupNameEmpty();
  if ([...name].length > GROUP_NAME_MAX_LENGTH) throw new GroupNameTooLong(name, GROUP_NAME_MAX_LENGTH);
  return name;
}

/** The key that makes names unique case-insensitively ("SALES" and "Sales" clash). */
export const groupNameKey = (name: string): string => name.normalize('NFKC').toLowerCase();

/** Names are unique within an organisation, or among one person's personal groups. */
export const groupScopeKey = (group: Pick<Group, 'organisationId' | 'createdBy'>): string =>
  group.organisationId ? `org:${group.organisationId}` : `personal:${group.createdBy}`;
