import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkedPostings, PostingsBuilder, type PackedPostings } from '../../lib/core/postings';

/** The ids of `hash` in the packed index, in order. */
function idsOf(index: PackedPostings, hash: number): number[] {
  const ids: number[] = [];
  for (let p = index.find(hash); p >= 0 && p < index.keys.length && index.keys[p] === hash; p++) ids.push(index.ids[p]!);
  return ids;
}

/** The straightforward index the packed one must agree with: a Map of lists, each pair once. */
function reference(pairs: readonly (readonly [number, number])[]): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const [hash, id] of pairs) {
    const list = map.get(hash) ?? [];
    if (!list.includes(id)) list.push(id);
    map.set(hash, list);
  }
  return map;
}

const hash = fc.oneof(fc.constantFrom(0, 1, 0x7fffffff, 0x80000000, 0xffffffff), fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 40 }));

/** Pairs with ascending ids (as the indexes add them: text after text), some hashes shared, some repeated. */
const pairs = fc.array(fc.array(hash, { maxLength: 12 }), { maxLength: 60 }).map((texts) => texts.flatMap((hashes, id) => hashes.map((h) => [h, id] as const)));

describe('PackedPostings', () => {
  it('finds every hash with the same ids, in the order added, as a Map of lists', () => {
    fc.assert(
      fc.property(pairs, fc.array(hash, { maxLength: 30 }), (added, probes) => {
        const builder = new PostingsBuilder();
        for (const [h, id] of added) builder.add(h, id);
        const index = builder.build();
        const expected = reference(added);
        expect(new Set(index.keys).size).toBe(expected.size);
        expect(index.keys.length).toBe([...expected.values()].reduce((sum, ids) => sum + ids.length, 0));
        for (const h of [...expected.keys(), ...probes]) expect(idsOf(index, h)).toEqual(expected.get(h) ?? []);
      }),
    );
  });

  it('keeps its pairs when more are added to it', () => {
    fc.assert(
      fc.property(pairs, pairs, (first, second) => {
        const builder = new PostingsBuilder();
        for (const [h, id] of first) builder.add(h, id);
        const offset = first.length ? first[first.length - 1]![1] + 1 : 0;
        const more = new PostingsBuilder(builder.build());
        const shifted = second.map(([h, id]) => [h, id + offset] as const);
        for (const [h, id] of shifted) more.add(h, id);
        const index = more.build();
        const expected = reference([...first, ...shifted]);
        for (const h of expected.keys()) expect(idsOf(index, h)).toEqual(expected.get(h));
      }),
    );
  });

  it('grows past its first buffer and sorts 200,000 pairs by hash', () => {
    const builder = new PostingsBuilder();
    let state = 7;
    const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
    const added: number[] = [];
    for (let id = 0; id < 200_000; id++) {
      const h = next();
      added.push(h);
      builder.add(h, id);
    }
    const index = builder.build();
    let ascending = true;
    for (let k = 1; k < index.keys.length; k++) ascending &&= index.keys[k]! >= index.keys[k - 1]!;
    expect(ascending).toBe(true);
    for (const id of [0, 1, 4095, 100_000, 199_999]) expect(idsOf(index, added[id]!)).toContain(id);
  });

  it('finds the extreme hashes in a tiny index', () => {
    for (const added of [[0xffffffff], [5, 0xffffffff], [0], [0, 1], [0x80000000, 0x80000001, 3]]) {
      const builder = new PostingsBuilder();
      added.forEach((h, id) => builder.add(h, id));
      const index = builder.build();
      added.forEach((h, id) => expect(idsOf(index, h), String(h)).toEqual([id]));
      for (const absent of [1, 2, 4, 6, 0x7fffffff, 0xfffffffe]) if (!added.includes(absent)) expect(index.find(absent), String(absent)).toBe(-1);
    }
  });

  it('is empty when nothing was added', () => {
    const index = new PostingsBuilder().build();
    expect(index.find(0)).toBe(-1);
    expect(index.find(0xffffffff)).toBe(-1);
  });
});

describe('checkedPostings', () => {
  const pairs = fc.array(fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 49 })), { minLength: 1, maxLength: 300 });
  const build = (list: readonly (readonly [number, number])[]) => {
    const builder = new PostingsBuilder();
    for (const [hash, id] of [...list].sort((a, b) => a[1] - b[1])) builder.add(hash, id);
    return builder.build();
  };

  it('takes back the arrays of a packed index (as stored: cloned), finding every hash as before', () => {
    fc.assert(
      fc.property(pairs, (list) => {
        const packed = build(list);
        const back = checkedPostings(structuredClone(packed.arrays()), 50);
        expect(back).not.toBeNull();
        for (const [hash] of list) expect(idsOf(back!, hash)).toEqual(idsOf(packed, hash));
      }),
    );
  });

  it('refuses arrays that are cut short, out of order, out of range or not typed', () => {
    fc.assert(
      fc.property(pairs, fc.nat(), (list, at) => {
        const packed = build(list).arrays();
        const damaged: unknown[] = [
          { ...packed, ids: packed.ids.slice(0, -1) },
          { ...packed, keys: packed.keys.slice(0, -1) },
          { ...packed, ids: packed.ids.map((id, i) => (i === at % packed.ids.length ? 50 : id)) },
          { ...packed, keys: [...packed.keys] },
        ];
        if (new Set(packed.keys).size > 1) damaged.push({ ...packed, keys: Uint32Array.from(packed.keys).reverse() });
        // One hash's ids out of order, or a pair twice.
        const shared = packed.keys.findIndex((key, p) => p > 0 && key === packed.keys[p - 1]);
        if (shared > 0) damaged.push({ ...packed, ids: packed.ids.map((id, p) => (p === shared ? packed.ids[shared - 1]! : id)) });
        for (const value of damaged) expect(checkedPostings(value, 50)).toBeNull();
        expect(checkedPostings(packed, 50)).not.toBeNull();
        expect(checkedPostings(packed, 1 + Math.max(...packed.ids))).not.toBeNull();
        if (Math.max(...packed.ids) > 0) expect(checkedPostings(packed, Math.max(...packed.ids))).toBeNull();
      }),
    );
  });
});
