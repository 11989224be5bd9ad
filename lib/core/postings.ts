/**
 * A packed inverted index from 32-bit hashes to small integer ids, for the background's indexes of
 * 100,000 claims: the distinct hashes sorted in one typed array, each hash's ids as a slice of
 * another, and a table of where each range of hashes starts, so a look-up is a step or two of
 * binary search. A Map of the 2.7 million n-gram hashes of 100k claims took seconds to build and
 * hundreds of MB; these arrays are built with one radix sort and take about 12 bytes per hash.
 */

/** Collects (hash, id) pairs, then packs them. Ids must be added in ascending order (each text after the previous). */
export class PostingsBuilder {
  private hashes = new Uint32Array(1024);
  private ids = new Uint32Array(1024);
  private length = 0;

  /** Starts from the pairs of an index already packed, to add more to it. */
  constructor(from?: PackedPostings) {
    if (!from) return;
    for (let k = 0; k < from.keys.length; k++) {
      for (let p = from.offsets[k]!; p < from.offsets[k + 1]!; p++) this.add(from.keys[k]!, from.ids[p]!);
    }
  }

  add(hash: number, id: number): void {
    if (this.length === this.hashes.length) {
      const hashes = new Uint32Array(this.length * 2);
      const ids = new Uint32Array(this.length * 2);
      hashes.set(this.hashes);
      ids.set(this.ids);
      this.hashes = hashes;
      this.ids = ids;
    }
    this.hashes[this.length] = hash;
    this.ids[this.length] = id;
    this.length++;
  }

  /** The packed index; a pair given twice is kept once. */
  build(): PackedPostings {
    const [hashes, ids] = sortByHash(this.hashes.subarray(0, this.length), this.ids.subarray(0, this.length));
    let distinct = 0;
    let pairs = 0;
    for (let i = 0; i < hashes.length; i++) {
      if (i === 0 || hashes[i] !== hashes[i - 1]) distinct++;
      else if (ids[i] === ids[i - 1]) continue;
      pairs++;
    }
    const keys = new Uint32Array(distinct);
    const offsets = new Uint32Array(distinct + 1);
    const packed = new Uint32Array(pairs);
    let k = -1;
    let p = 0;
    for (let i = 0; i < hashes.length; i++) {
      const newKey = i === 0 || hashes[i] !== hashes[i - 1];
      if (!newKey && ids[i] === ids[i - 1]) continue;
      if (newKey) {
        keys[++k] = hashes[i]!;
        offsets[k] = p;
      }
      packed[p++] = ids[i]!;
    }
    offsets[distinct] = p;
    return new PackedPostings(keys, offsets, packed);
  }
}

/**
 * Pairs sorted by hash with a stable LSD radix sort (two passes of 16 bits), so each hash's ids stay
 * in the order they were added. The input arrays are reused as scratch space.
 */
function sortByHash(hashes: Uint32Array, ids: Uint32Array): [Uint32Array, Uint32Array] {
  const n = hashes.length;
  let fromHashes: Uint32Array = hashes;
  let fromIds: Uint32Array = ids;
  let toHashes: Uint32Array = new Uint32Array(n);
  let toIds: Uint32Array = new Uint32Array(n);
  const starts = new Uint32Array(1 << 16);
  for (const shift of [0, 16]) {
    starts.fill(0);
    for (let i = 0; i < n; i++) starts[(fromHashes[i]! >>> shift) & 0xffff]!++;
    let sum = 0;
    for (let b = 0; b < starts.length; b++) {
      const count = starts[b]!;
      starts[b] = sum;
      sum += count;
    }
    for (let i = 0; i < n; i++) {
      const at = starts[(fromHashes[i]! >>> shift) & 0xffff]!++;
      toHashes[at] = fromHashes[i]!;
      toIds[at] = fromIds[i]!;
    }
    [fromHashes, toHashes] = [toHashes, fromHashes];
    [fromIds, toIds] = [toIds, fromIds];
  }
  return [fromHashes, fromIds];
}

/** The three arrays of a packed index, as persisted (structured-cloneable). */
export interface PostingsArrays {
  keys: Uint32Array;
  offsets: Uint32Array;
  ids: Uint32Array;
}

/**
 * A packed index from arrays read back from storage, or null unless they are one: keys strictly
 * ascending, offsets from 0 to the end of ids without going back, every id below `idLimit`. A
 * truncated or damaged record must be rebuilt, never searched (a wrong id would be a wrong answer).
 */
export function checkedPostings(value: unknown, idLimit: number): PackedPostings | null {
  if (typeof value !== 'object' || value === null) return null;
  const { keys, offsets, ids } = value as Partial<PostingsArrays>;
  if (!(keys instanceof Uint32Array && offsets instanceof Uint32Array && ids instanceof Uint32Array)) return null;
  if (offsets.length !== keys.length + 1 || offsets[0] !== 0 || offsets[keys.length] !== ids.length) return null;
  for (let k = 1; k < keys.length; k++) if (keys[k]! <= keys[k - 1]!) return null;
  for (let k = 1; k < offsets.length; k++) if (offsets[k]! < offsets[k - 1]!) return null;
  for (let p = 0; p < ids.length; p++) if (ids[p]! >= idLimit) return null;
  return new PackedPostings(keys, offsets, ids);
}

export class PackedPostings {
  /** Where the keys whose bits above `shift` are b start: keys[buckets[b] .. buckets[b + 1]). */
  private readonly buckets: Uint32Array;
  private readonly shift: number;
  private readonly maxKey: number;

  constructor(
    /** Distinct hashes, ascending. */
    readonly keys: Uint32Array,
    /** The ids of keys[k] are ids[offsets[k] .. offsets[k + 1]). */
    readonly offsets: Uint32Array,
    readonly ids: Uint32Array,
  ) {
    // Buckets split the range of the keys actually held (sketch hashes are the smallest ones, all
    // far below 2^32), about two keys per bucket, at most 2^20 buckets (4 MB): a look-up is then
    // one or two steps, and a hash above every key is rejected at once.
    this.maxKey = keys.length ? keys[keys.length - 1]! : 0;
    const spanBits = 32 - Math.clz32(this.maxKey);
    // At least one bit when there is a span: a shift of 32 would shift by nothing.
    const bits = Math.min(spanBits, Math.max(1, Math.min(20, Math.ceil(Math.log2(Math.max(1, keys.length) / 2)))));
    this.shift = spanBits - bits;
    this.buckets = new Uint32Array((1 << bits) + 1);
    let k = 0;
    for (let b = 0; b < 1 << bits; b++) {
      this.buckets[b] = k;
      while (k < keys.length && keys[k]! >>> this.shift === b) k++;
    }
    this.buckets[1 << bits] = keys.length;
  }

  arrays(): PostingsArrays {
    return { keys: this.keys, offsets: this.offsets, ids: this.ids };
  }

  /** The index k of `hash` among the keys (its ids: ids[offsets[k] .. offsets[k + 1])), or -1. */
  find(hash: number): number {
    if (hash > this.maxKey || this.keys.length === 0) return -1;
    const bucket = hash >>> this.shift;
    let low = this.buckets[bucket]!;
    let high = this.buckets[bucket + 1]!;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const key = this.keys[middle]!;
      if (key === hash) return middle;
      if (key < hash) low = middle + 1;
      else high = middle;
    }
    return -1;
  }
}
