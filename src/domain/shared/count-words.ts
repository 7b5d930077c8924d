/**
 * "1 member", "3 members", "1 person", "2 people": a count with its noun in the right number.
 * The plural is the noun plus "s" unless given (people, children).
 */
export const countOf = (n: number, noun: string, plural = `${noun}s`): string =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? noun : plural}`;
