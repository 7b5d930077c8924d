/** Placeholders a sign-in name pattern may use. */
export const UPN_PLACEHOLDERS = ['{first}', '{last}', '{f}', '{l}'] as const;

/** Longest local part Entra accepts before the @. */
const LOCAL_PART_MAX = 64;

/**
 * Reads a pattern such as `{first}.{last}` or `{f}{last}`: placeholders, letters, digits and . - _
 * only, at least one name placeholder. Returns the problem in words, or undefined when it is fine.
 */
export function upnPatternProblem(pattern: string): string | undefined {
  if (pattern.length === 0 || pattern.length > 60) return 'The pattern must have 1 to 60 characters.';
  const rest = pattern.replace(/\{(first|last|f|l)\}/g, '');
  if (rest === pattern) return 'The pattern needs {first} or {last} (or {f} / {l}).';
  if (!/^[a-z0-9._-]*$/i.test(rest))
    return 'Besides the placeholders, the pattern may hold only letters, digits, dots, dashes and underscores.';
  return undefined;
}

/** A name as Entra's sign-in names allow it: ASCII letters and digits only, lower case. */
function plain(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * The local part (before the @) a person's name gives with the pattern, or undefined when the name
 * gives nothing usable in a sign-in name (written only in a script without Latin letters, say).
 * The first word is the first name, the last word the last name; a one-word name has no last name.
 */
export function upnLocalPart(pattern: string, displayName: string): string | undefined {
  const words = displayName.split(/\s+/).map(plain).filter(Boolean);
  if (words.length === 0) return undefined;
  const first = words[0]!;
  const last = words.length > 1 ? words[words.length - 1]! : '';
  const local = pattern
    .replace(/\{first\}/g, first)
    .replace(/\{last\}/g, last)
    .replace(/\{f\}/g, first.slice(0, 1))
    .replace(/\{l\}/g, last.slice(0, 1))
    .toLowerCase()
    .replace(/([._-])[._-]+/g, '$1')
    .replace(/^[._-]+|[._-]+$/g, '')
    .slice(0, LOCAL_PART_MAX - 4);
  return /[a-z0-9]/.test(local) ? local : undefined;
}

/** The sign-in name for the n-th try: `asha.rao@contoso.com`, then `asha.rao2@…`, `asha.rao3@…`. */
export const userPrincipalName = (localPart: string, suffix: number, domain: string): string =>
  `${localPart}${suffix > 1 ? suffix : ''}@${domain}`;

/** The mail nickname Entra requires: the local part with its suffix. */
export const mailNickname = (localPart: string, suffix: number): string =>
  `${localPart}${suffix > 1 ? suffix : ''}`;
