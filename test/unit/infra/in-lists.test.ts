import { inLists } from '../../../src/infra/storage/repositories/in-lists';

describe('in (…) lists for set-at-a-time reads', () => {
  test('when values are split, then every list is a power of two long, at most 1,024, padded with its last value', () => {
    const values = Array.from({ length: 2500 }, (_, i) => `v${i}`);
    const lists = inLists(values);
    expect(lists.map((list) => list.length)).toEqual([1024, 1024, 512]);
    expect(lists.flat().slice(0, 2500)).toEqual(values);
    expect(new Set(lists[2]!.slice(452))).toEqual(new Set(['v2499']));
  });

  test('when there are no values, then there is no list (and so no query)', () => {
    expect(inLists([])).toEqual([]);
  });

  test('when lists of every length up to 3,000 are made, then only eleven lengths ever occur', () => {
    const lengths = new Set<number>();
    for (let n = 1; n <= 3000; n++) for (const list of inLists(Array(n).fill(0))) lengths.add(list.length);
    expect([...lengths].sort((a, b) => a - b)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024]);
  });
});
