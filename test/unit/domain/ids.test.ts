import { newId } from '../../../src/domain/shared/ids';

describe('entity ids', () => {
  test('when ids are made one after another, then they are distinct UUIDv7s in creation order', () => {
    const ids = Array.from({ length: 5000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Time-ordered: index pages fill at the end instead of all over the B-tree.
    expect([...ids].sort()).toEqual(ids);
  });

  test('when an id is made, then its time stamp is the current time', () => {
    const before = Date.now();
    const id = newId();
    const stamp = Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(stamp).toBeGreaterThanOrEqual(before);
    expect(stamp).toBeLessThanOrEqual(Date.now());
  });
});
