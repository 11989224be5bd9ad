/**
 * The match index read back from storage: the same answers as the one just built, and a snapshot
 * that is damaged, partial or of another format is refused (the background then rebuilds it).
 */
import { describe, expect, it } from 'vitest';
import { Catalog } from '../../lib/core/catalog';
import { CatalogIndex, INDEX_FORMAT, snapshotDigest, type CatalogIndexSnapshot, type PageSignals } from '../../lib/core/catalog-index';
import type { Dataset } from '../../lib/core/dataset/schema';
import { textHashes } from '../../lib/core/text/tokens';
import { random, sentencesOf, syntheticDataset } from '../../scripts/bench/synthetic';
import { NYT_URL, seedBody, seedDataset, seedText } from './fixtures/seed';

const sentences = sentencesOf(seedText.split(/\n+/));
const synthetic: Dataset = syntheticDataset(400, sentences, 7);
const datasets = [seedDataset(), synthetic];
const built = CatalogIndex.build(datasets);

/** Pages of every kind: known addresses, a copy of the seed article, runs of dataset sentences (similar claims), unrelated text. */
function pages(): PageSignals[] {
  const next = random(3);
  const pick = () => sentences[Math.floor(next() * sentences.length)]!;
  const list: PageSignals[] = [
    { url: NYT_URL, canonical: null, ogUrl: null, hashes: [] },
    { url: 'https://copy.example/a', canonical: null, ogUrl: null, hashes: [...textHashes(seedBody)] },
    { url: 'https://elsewhere.example/x', canonical: synthetic.articles[5]!.url!, ogUrl: null, hashes: [] },
  ];
  for (let i = 0; i < 60; i++) {
    const text = Array.from({ length: 1 + Math.floor(next() * 6) }, pick).join(' ');
    const outlet = `outlet${Math.floor(next() * 500)}`;
    list.push({ url: `https://www.${outlet}.example/page${i}`, canonical: null, ogUrl: null, hashes: [...textHashes(text)] });
  }
  list.push({ url: 'https://unrelated.example/', canonical: null, ogUrl: null, hashes: [...textHashes('Nothing of the kind is said anywhere in these datasets at all.')] });
  return list;
}

/** What IndexedDB hands back: a structured clone. */
const stored = (index: CatalogIndex): CatalogIndexSnapshot => structuredClone(index.snapshot());

describe('CatalogIndex snapshots', () => {
  it('answers every page as the index just built does, muted outlets included', () => {
    const restored = CatalogIndex.restore(stored(built));
    expect(restored).not.toBeNull();
    const muted = new Set(['outlet3', 'outlet17', 'outlet250']);
    const answers = pages().map((page) => [built.match(page), built.match(page, muted)]);
    // The pages exercise every way of matching, or the comparison would prove little.
    const hows = new Set(answers.flatMap(([a]) => (a ? [a.how] : [])));
    expect([...hows].sort()).toEqual(['canonical', 'copy', 'similar', 'url']);
    expect(pages().map((page) => [restored!.match(page), restored!.match(page, muted)])).toEqual(answers);
  });

  it('gives a catalog the same notes as one that built its own index', () => {
    const muted = new Set(['outlet42']);
    const own = new Catalog(datasets, { mutedOutlets: muted });
    const onRestored = new Catalog(datasets, { mutedOutlets: muted, index: CatalogIndex.restore(stored(built))! });
    const notes = (catalog: Catalog) =>
      pages().map((page) => {
        const found = catalog.match(page);
        return found ? catalog.notesFor(found) : null;
      });
    const expected = notes(own);
    expect(expected.filter((n) => n && n.length > 0).length).toBeGreaterThan(5);
    expect(notes(onRestored)).toEqual(expected);
  });

  it('has a digest that a stored copy keeps and any change to what is indexed changes', () => {
    const digest = snapshotDigest(built.snapshot());
    expect(snapshotDigest(stored(built))).toBe(digest);
    expect(snapshotDigest(CatalogIndex.build(datasets).snapshot())).toBe(digest);
    // One claim's words, one article's address, one hash of one posting list: each is a different index.
    const seed = seedDataset();
    const claim = seed.disputes[0]!.claims[0]!;
    const reworded: Dataset = { ...seed, disputes: [{ ...seed.disputes[0]!, claims: [{ ...claim, quotes: claim.quotes.map((q) => ({ ...q, exact: `${q.exact} indeed` })) }, ...seed.disputes[0]!.claims.slice(1)] }, ...seed.disputes.slice(1)] };
    const moved: Dataset = { ...seed, articles: seed.articles.map((a, i) => (i === 0 ? { ...a, url: `${a.url}?moved` } : a)) };
    const others = [reworded, moved].map((d) => snapshotDigest(CatalogIndex.build([d, synthetic]).snapshot()));
    const bitFlipped = stored(built);
    bitFlipped.claimIndex.postings.keys[0]! ^= 1;
    others.push(snapshotDigest(bitFlipped));
    expect(new Set([digest, ...others]).size).toBe(4);
  });

  it('survives a second round trip unchanged', () => {
    const once = CatalogIndex.restore(stored(built))!;
    expect(stored(CatalogIndex.restore(stored(once))!)).toEqual(stored(built));
  });

  const damages: [string, (s: CatalogIndexSnapshot) => void][] = [
    ['another format', (s) => (s.format = INDEX_FORMAT + 1)],
    ['a missing field', (s) => delete (s as Partial<CatalogIndexSnapshot>).urlArticles],
    ['a truncated typed array', (s) => (s.articleOutlets = s.articleOutlets.slice(0, -1))],
    ['a plain array for a typed one', (s) => ((s as unknown as { needed: number[] }).needed = [...s.needed])],
    ['an article past the end', (s) => (s.urlArticles[0] = s.articleIds.length)],
    ['a sketch posting past the end', (s) => (s.sketches.ids[0] = s.fingerprinted.length)],
    ['sketch keys out of order', (s) => s.sketches.keys.reverse()],
    ['a truncated sketch', (s) => (s.sketchHashes = s.sketchHashes.slice(0, -1))],
    ['offsets going back', (s) => (s.sketchOffsets[1] = s.sketchOffsets[2]! + 1)],
    ['a claim index text past the end', (s) => (s.claimIndex.postings.ids[0] = s.claimIndex.sizes.length)],
    ['a claim index key past the end', (s) => (s.claimIndex.textKeys[0] = s.claimIndex.keys.length)],
    ['claim index postings cut short', (s) => (s.claimIndex.postings.ids = s.claimIndex.postings.ids.slice(0, -1))],
    ['a name that is not a string', (s) => ((s.outletNames as unknown[])[0] = 7)],
    ['fewer claim keys than claims', (s) => s.claimIndex.keys.pop()],
    ['more claims than claim keys', (s) => (s.claimArticles = Uint32Array.from([...s.claimArticles, 0]))],
  ];
  it.each(damages)('refuses a snapshot with %s', (_, damage) => {
    const snapshot = stored(built);
    damage(snapshot);
    expect(CatalogIndex.restore(snapshot)).toBeNull();
  });

  it('refuses what is not a snapshot at all', () => {
    for (const value of [null, undefined, 0, 'index', [], {}, { format: INDEX_FORMAT }]) expect(CatalogIndex.restore(value)).toBeNull();
  });
});
