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
 *
 * The arrays sit on resizable ArrayBuffers so that memory is given back the moment it is no longer
 * needed (a grown-out-of table, or the whole table once validation ends: `release`), not whenever
 * the garbage collector next gets to it, which can be after the upload's apply has started.
 */
export class MemberKeys {
  private phones = new Float64Array(releasable(INITIAL_SLOTS * 8));
  private groups = new Uint32Array(releasable(INITIAL_SLOTS * 4));
  /** 0 marks an empty slot, so stored values must be positive. */
  private values = new Uint32Array(releasable(INITIAL_SLOTS * 4));
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

  /** Gives the table's memory back at once; the table is empty afterwards. */
  release(): void {
    for (const array of [this.phones, this.groups, this.values]) shrink(array);
    this.phones = new Float64Array(releasable(INITIAL_SLOTS * 8));
    this.groups = new Uint32Array(releasable(INITIAL_SLOTS * 4));
    this.values = new Uint32Array(releasable(INITIAL_SLOTS * 4));
    this.count = 0;
  }

  private grow(): void {
    const { phones, groups, values } = this;
    const slots = values.length * 2;
    this.phones = new Float64Array(releasable(slots * 8));
    this.groups = new Uint32Array(releasable(slots * 4));
    this.values = new Uint32Array(releasable(slots * 4));
    this.count = 0;
    for (let slot = 0; slot < values.length; slot++) {
      if (values[slot] !== 0) this.set(groups[slot]!, phones[slot]!, values[slot]!);
    }
    for (const array of [phones, groups, values]) shrink(array);
  }
}

/** A buffer of `bytes` that `shrink` can empty (resizing it to nothing frees its pages at once). */
function releasable(bytes: number): ArrayBuffer {
  return new (ArrayBuffer as new (length: number, options: { maxByteLength: number }) => ArrayBuffer)(bytes, {
    maxByteLength: bytes,
  });
}

function shrink(array: Float64Array | Uint32Array): void {
  (array.buffer as ArrayBuffer & { resize(bytes: number): void }).resize(0);
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
