import { MAX_MEMBER_VALUE, MemberKeys } from '../../../src/domain/uploads/member-keys';

describe('the cross-row member table of a User Group Mapping upload', () => {
  test('when people are stored per group, then each is found in its own group only', () => {
    const keys = new MemberKeys();
    keys.set(0, 919876543210, 9);
    keys.set(1, 919876543210, 14);
    expect(keys.get(0, 919876543210)).toBe(9);
    expect(keys.get(1, 919876543210)).toBe(14);
    expect(keys.get(2, 919876543210)).toBeUndefined();
    expect(keys.get(0, 919876543211)).toBeUndefined();
    expect(keys.size).toBe(2);
  });

  test('when a person is stored again in the same group, then the value is replaced, not added', () => {
    const keys = new MemberKeys();
    keys.set(3, 14155550100, 8);
    keys.set(3, 14155550100, 11);
    expect(keys.get(3, 14155550100)).toBe(11);
    expect(keys.size).toBe(1);
  });

  test('when the value is the largest a slot holds, then it is kept exactly', () => {
    const keys = new MemberKeys();
    keys.set(1, 919876543210, MAX_MEMBER_VALUE);
    expect(keys.get(1, 919876543210)).toBe(MAX_MEMBER_VALUE);
  });

  test.each([0, -4, Number.NaN, 1.5, MAX_MEMBER_VALUE + 1])(
    'when the value is %p, then it is refused (0 marks an empty slot; slots hold 32-bit integers)',
    (value) => {
      expect(() => new MemberKeys().set(0, 1, value)).toThrow(RangeError);
    },
  );

  test('when a hundred thousand people in a thousand groups are stored, then every lookup agrees with a Map', () => {
    const keys = new MemberKeys();
    const reference = new Map<string, number>();
    for (let i = 0; i < 100_000; i++) {
      // Long numbers (over 2^32) and short ones, sequential like generated files, in many groups.
      const phone = i % 3 === 0 ? 8_100_000_000 + i * 7 : 441_234_000_000_000 + i;
      const group = (i * 7919) % 1000;
      keys.set(group, phone, i * 4 + 4);
      reference.set(`${group}|${phone}`, i * 4 + 4);
    }
    expect(keys.size).toBe(reference.size);
    // Disagreements are gathered and compared once: 200,000 separate expectations took 15 s.
    const disagreements: string[] = [];
    for (const [key, value] of reference) {
      const [group, phone] = key.split('|').map(Number) as [number, number];
      if (keys.get(group, phone) !== value) disagreements.push(`${key} → ${keys.get(group, phone)}`);
      if (keys.get(group + 1000, phone) !== undefined) disagreements.push(`${group + 1000}|${phone} is held`);
    }
    expect(disagreements).toEqual([]);
  });

  test('when the table is released, then it is empty, its memory is given back, and it can be used again', () => {
    const keys = new MemberKeys();
    for (let i = 0; i < 50_000; i++) keys.set(i % 100, 919800000000 + i, i + 1);
    keys.release();
    expect(keys.size).toBe(0);
    expect(keys.get(1, 919800000001)).toBeUndefined();
    keys.set(1, 919800000001, 7);
    expect(keys.get(1, 919800000001)).toBe(7);
  });
});
