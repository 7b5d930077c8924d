/**
 * A Microsoft 365 group mail nickname for a Convene group: ASCII letters, digits and dashes only
 * (Graph refuses spaces, @, quotes, brackets and non-ASCII), at most 64 characters, and ending in
 * part of the group id so that it is unique and the same on every attempt (idempotent creation
 * looks the group up by it).
 */
export function mailNicknameFor(groupName: string, groupId: string): string {
  const suffix = groupId
    .replace(/[^a-z0-9]/gi, '')
    .slice(0, 8)
    .toLowerCase();
  const base = groupName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64 - suffix.length - 9);
  return `convene-${base ? `${base}-` : ''}${suffix}`.replace(/-+/g, '-');
}
