/**
 * A packed inverted index from 32-bit hashes to small integer ids, for the background's indexes of
 * 100,000 claims: the (hash, id) pairs sorted by hash in two typed arrays, and a table of where each
 * range of hashes starts, so a look-up is a step or two of binary search. A Map of the 2.7 million
 * n-gram hashes of 100k claims took seconds to build and hundreds of MB; these arrays are built with
 * one radix sort and take 8 bytes a pair. (Nearly every hash has one id, so a list of distinct
 * hashes with offsets into the ids would take 12.)
 */

/** Collects (hash, id) pairs, then packs them. Ids must be added in ascending order (each text after the previous). */
export class PostingsBuilder {
  private hashes = new Uint32Array(1024);
  private ids = new Uint32Array(1024);
  private length = 0;

  /** Starts from the pairs of an index already packed, to add more to it. */
  constructor(from?: PackedPostings) {
    if (!from) return;
    for (let p = 0; p < from.keys.length; p++) this.add(from.keys[p]!, from.ids[p]!);
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
    let pairs = 0;
    for (let i = 0; i < hashes.length; i++) if (i === 0 || hashes[i] !== hashes[i - 1] || ids[i] !== ids[i - 1]) pairs++;
    const keys = new Uint32Array(pairs);
    const packed = new Uint32Array(pairs);
    let p = 0;
    for (let i = 0; i < hashes.length; i++) {
      if (i > 0 && hashes[i] === hashes[i - 1] && ids[i] === ids[i - 1]) continue;
      keys[p] = hashes[i]!;
      packed[p++] = ids[i]!;
    }
    return new PackedPostings(keys, packed);
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

/** The two arrays of a packed index, as persisted (structured-cloneable). */
export interface PostingsArrays {
  keys: Uint32Array;
  ids: Uint32Array;
}

/**
 * A packed index from arrays read back from storage, or null unless they are one: as many keys as
 * ids, keys ascending, each hash's ids ascending and each pair once, every id below `idLimit`. A
 * truncated or damaged record must be rebuilt, never searched (a wrong id would be a wrong answer).
 */
export function checkedPostings(value: unknown, idLimit: number): PackedPostings | null {
  if (typeof value !== 'object' || value === null) return null;
  const { keys, ids } = value as Partial<PostingsArrays>;
  if (!(keys instanceof Uint32Array && ids instanceof Uint32Array) || keys.length !== ids.length) return null;
  for (let p = 0; p < ids.length; p++) {
    if (ids[p]! >= idLimit) return null;
    if (p > 0 && (keys[p]! < keys[p - 1]! || (keys[p] === keys[p - 1] && ids[p]! <= ids[p - 1]!))) return null;
  }
  return new PackedPostings(keys, ids);
}

export class PackedPostings {
  /** Where the pairs whose keys' bits above `shift` are b start: keys[buckets[b] .. buckets[b + 1]). */
  private readonly buckets: Uint32Array;
  private readonly shift: number;
  private readonly maxKey: number;

  constructor(
    /** The pairs' hashes, ascending (a hash with several ids, once per id). */
    readonly keys: Uint32Array,
    /** The pairs' ids: those of a hash, in the order added. */
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
    return { keys: this.keys, ids: this.ids };
  }

  /** The first place p of `hash` among the keys (its ids: ids[p], ids[p + 1]… while keys[p] is `hash`), or -1. */
  find(hash: number): number {
    if (hash > this.maxKey || this.keys.length === 0) return -1;
    const bucket = hash >>> this.shift;
    let low = this.buckets[bucket]!;
    const end = this.buckets[bucket + 1]!;
    let high = end;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.keys[middle]! < hash) low = middle + 1;
      else high = middle;
    }
    return low < end && this.keys[low] === hash ? low : -1;
  }
}
