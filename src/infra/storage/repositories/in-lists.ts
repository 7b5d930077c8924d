/** Values in one `in (…)` list: well under SQLite's bound-parameter limit. */
const IN_LIST = 1024;

/**
 * Splits values for `in (…)` lists of at most 1,024, each padded to a power of two by repeating its
 * last value (a repeat matches nothing new). Every list length is a statement SQLite keeps prepared,
 * so lists of any length would pile up statements over a long upload; these come in eleven lengths.
 */
export function inLists<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += IN_LIST) {
    const part = items.slice(start, start + IN_LIST);
    let size = 1;
    while (size < part.length) size *= 2;
    out.push(part.concat(Array<T>(size - part.length).fill(part[part.length - 1]!)));
  }
  return out;
}
