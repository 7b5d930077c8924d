/** Slots to start with; the table doubles when three quarters are taken. */
const INITIAL_SLOTS = 1 << 12;
const TWO_TO_32 = 4_294_967_296;
/** The largest value a slot holds (values are 32-bit). */
export const MAX_MEMBER_VALUE = TWO_TO_32 - 1;

/**
 * Who is already in which group earlier in the file, for the cross-row check over a million rows:
 * an open-addressing hash table over typed arrays, keyed by (group index, phone number as digits)
 * and holding one 32-bit number per row (line, role and action packed by the caller). 16 bytes a
 * slot and no object per row, where a Map per group took several times that and kept the garbage
 * collector busy. The table's growth (old and new arrays side by side) is the peak of a
 * million-row validation, so every byte a slot saves counts.
 */
export class MemberKeys {
  private phones = new Float64Array(INITIAL_SLOTS);
  private groups = new Uint32Array(INITIAL_SLOTS);
  /** 0 marks an empty slot, so stored values must be positive. */
  private values = new Uint32Array(INITIAL_SLOTS);
  private count = 0;

  /** Entries stored. */
  get size(): number {
    return this.count;
  }

  /** The value stored for this person in this group, or undefined. `phone` is E.164 without "+". */
  get(group: number, phone: number): number | undefined {
    const mask = this.values.length - 1;
    for (let slot = hash(group, phone) & mask; ; slot = (slot + 1) & mask) {
      const value = this.values[slot]!;
      if (value === 0) return undefined;
      if (this.phones[slot] === phone && this.groups[slot] === group) return value;
    }
  }

  /** Stores a positive value for this person in this group (replacing any earlier one). */
  set(group: number, phone: number, value: number): void {
    if (!(value > 0 && value <= MAX_MEMBER_VALUE && Number.isInteger(value))) {
      throw new RangeError(`MemberKeys stores integers from 1 to ${MAX_MEMBER_VALUE}, not ${value}`);
    }
    if ((this.count + 1) * 4 > this.values.length * 3) this.grow();
    const mask = this.values.length - 1;
    for (let slot = hash(group, phone) & mask; ; slot = (slot + 1) & mask) {
      const stored = this.values[slot]!;
      if (stored === 0) {
        this.phones[slot] = phone;
        this.groups[slot] = group;
        this.values[slot] = value;
        this.count++;
        return;
      }
      if (this.phones[slot] === phone && this.groups[slot] === group) {
        this.values[slot] = value;
        return;
      }
    }
  }

  private grow(): void {
    const { phones, groups, values } = this;
    const slots = values.length * 2;
    this.phones = new Float64Array(slots);
    this.groups = new Uint32Array(slots);
    this.values = new Uint32Array(slots);
    this.count = 0;
    for (let slot = 0; slot < values.length; slot++) {
      if (values[slot] !== 0) this.set(groups[slot]!, phones[slot]!, values[slot]!);
    }
  }
}

/** Mixes both halves of the phone number and the group (MurmurHash3's finaliser spreads the bits). */
function hash(group: number, phone: number): number {
  let h = (phone >>> 0) ^ Math.imul(Math.floor(phone / TWO_TO_32), 0x9e3779b1) ^ Math.imul(group, 0x85ebca6b);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
