import { usages } from './command';

/** The words a command starts with, mapped to the usage to suggest. */
const keywords: ReadonlyArray<[string, string]> = [
  ['help', usages.help],
  ['create', usages['create-group']],
  ['groups', usages.groups],
  ['invite', usages.invite],
  ['join', usages.join],
  ['add', usages.add],
  ['remove', usages.remove],
  ['promote', usages.promote],
  ['demote', usages.demote],
  ['members', usages.members],
  ['map', usages.map],
  ['organisation', usages.map],
  ['organization', usages.map],
  ['region', usages.region],
  ['poster', usages.poster],
];

/** Damerau–Levenshtein (optimal string alignment) distance: typos swap letters as often as they drop them. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      }
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The usage of the command whose keyword is closest to any word of the message, if one is close
 * enough to be a typo (at most a third of the keyword's letters wrong).
 */
export function suggestCommand(text: string): string | null {
  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  let best: { usage: string; distance: number } | null = null;
  for (const word of words.slice(0, 3)) {
    for (const [keyword, usage] of keywords) {
      const distance = editDistance(word, keyword);
      if (distance <= Math.max(1, Math.floor(keyword.length / 3)) && (!best || distance < best.distance)) {
        best = { usage, distance };
      }
    }
  }
  return best?.usage ?? null;
}
