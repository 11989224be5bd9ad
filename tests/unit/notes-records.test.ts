/**
 * The notes made from their stored pieces are the notes the whole datasets give, for every article
 * and for pages matched as similar, muted outlets included; a piece missing, damaged or not the
 * one asked for gives no notes at all (the background then reads the datasets), never fewer.
 */
import { describe, expect, it } from 'vitest';
import { Catalog } from '../../lib/core/catalog';
import { CatalogIndex, type PageSignals } from '../../lib/core/catalog-index';
import type { Dataset } from '../../lib/core/dataset/schema';
import type { IdentifiedArticle } from '../../lib/core/notes';
import { notesDatasets, notesRecordCount, notesRecordOf, notesRecords, type NotesEntries } from '../../lib/core/notes-records';
import { textHashes } from '../../lib/core/text/tokens';
import { random, sentencesOf, syntheticDataset } from '../../scripts/bench/synthetic';
import { seedDataset, seedText } from './fixtures/seed';

const sentences = sentencesOf(seedText.split(/\n+/));
const synthetic = syntheticDataset(800, sentences, 5);
const datasets: Dataset[] = [seedDataset(), synthetic];
const index = CatalogIndex.build(datasets);
const count = notesRecordCount(index.size);

/** Records as IndexedDB hands them back (structured clones), and a reader over them that counts what it reads. */
function store(records: NotesEntries[]) {
  const stored = structuredClone(records) as Record<string, unknown>[];
  const read = { records: new Set<number>() };
  const reader = async (names: readonly string[]) =>
    names.map((name) => {
      const n = notesRecordOf(name, count);
      read.records.add(n);
      return Object.hasOwn(stored[n]!, name) ? stored[n]![name] : undefined;
    });
  return { stored, read, reader };
}

async function fromPieces(article: IdentifiedArticle, reader: (names: readonly string[]) => Promise<readonly unknown[]>, muted: ReadonlySet<string>) {
  const pieces = await notesDatasets(article, reader);
  return pieces && new Catalog(pieces, { mutedOutlets: muted }).notesFor(article);
}

/** Every disputed article of the index (some have no address to be identified by). */
const known: IdentifiedArticle[] = (() => {
  const { articleIds, articleDatasets, articleTitles, datasetIds } = index.snapshot();
  return articleIds.map((id, a) => ({ id, datasetId: datasetIds[articleDatasets[a]!]!, outlet: '', outletId: '', title: articleTitles[a]!, how: 'url' as const }));
})();

/** Pages made of runs of the datasets' sentences, matched as similar. */
function similarPages(): IdentifiedArticle[] {
  const next = random(9);
  const found: IdentifiedArticle[] = [];
  for (let i = 0; i < 80; i++) {
    const text = Array.from({ length: 1 + Math.floor(next() * 6) }, () => sentences[Math.floor(next() * sentences.length)]!).join(' ');
    const page: PageSignals = { url: `https://site${i}.example/`, canonical: null, ogUrl: null, hashes: [...textHashes(text)] };
    const answer = index.similar(page);
    if (answer) found.push(answer);
  }
  return found;
}

describe('notes from stored pieces', () => {
  const records = notesRecords(datasets, count)!;
  const full = new Catalog(datasets, { index });

  it('gives every article the notes the whole datasets give, muted outlets included', async () => {
    expect(known.length).toBe(index.size);
    expect(known.filter((a) => a.datasetId === datasets[0]!.dataset.id).length).toBe(2);
    const { reader } = store(records);
    for (const muted of [new Set<string>(), new Set(['outlet3', 'outlet260', 'nyt'])]) {
      const whole = new Catalog(datasets, { index, mutedOutlets: muted });
      for (const article of known) expect(await fromPieces(article, reader, muted)).toEqual(whole.notesFor(article));
    }
    expect(full.notesFor(known[0]!).length).toBeGreaterThan(0);
  });

  it('gives a page matched as similar the notes of its candidate claims, as the whole datasets do', async () => {
    const similar = similarPages();
    expect(similar.length).toBeGreaterThan(10);
    const { reader } = store(records);
    const muted = new Set(['outlet7']);
    const whole = new Catalog(datasets, { index, mutedOutlets: muted });
    for (const article of similar) expect(await fromPieces(article, reader, muted)).toEqual(whole.notesFor(article));
  });

  it('reads a few records for a page, not all', async () => {
    const { read, reader } = store(records);
    await fromPieces(known[10]!, reader, new Set());
    expect(count).toBeGreaterThan(10);
    expect(read.records.size).toBeLessThanOrEqual(3);
  });

  const article = known.find((a) => a.datasetId === synthetic.dataset.id)!;
  const damages: [string, (stored: Record<string, unknown>[]) => void][] = [
    ['its own entry missing', (s) => delete s[notesRecordOf(`a:${article.datasetId}/${article.id}`, count)]![`a:${article.datasetId}/${article.id}`]],
    ['its own entry not a list of ids', (s) => (s[notesRecordOf(`a:${article.datasetId}/${article.id}`, count)]![`a:${article.datasetId}/${article.id}`] = 'd1')],
    ['a dispute missing', (s) => delete s[disputeRecord(s)]![disputeName()]],
    ['another dispute under its name', (s) => ((piece(s).dispute as { id: string }).id = 'd999')],
    ['the article left out of its dispute', (s) => (piece(s).articles = (piece(s).articles as { id: string }[]).filter((a) => a.id !== article.id))],
    ['an outlet left out', (s) => (piece(s).outlets = [])],
    ['a claim without its text', (s) => delete ((piece(s).dispute as { claims: Record<string, unknown>[] }).claims[0]!.summary)],
    ['a negative place', (s) => (piece(s).at = -1)],
    ['a record that is not one', (s) => (s[disputeRecord(s)] = 'damaged' as unknown as Record<string, unknown>)],
  ];
  const disputeName = () => `d:${article.datasetId}/${synthetic.disputes.find((d) => [...d.claims, ...d.responses].some((i) => i.article === article.id))!.id}`;
  const disputeRecord = (_: unknown) => notesRecordOf(disputeName(), count);
  const piece = (s: Record<string, unknown>[]) => s[disputeRecord(s)]![disputeName()] as Record<string, unknown>;

  it.each(damages)('gives no notes with %s', async (_, damage) => {
    const { stored, reader } = store(records);
    expect(await fromPieces(article, reader, new Set())).toEqual(full.notesFor(article));
    damage(stored);
    expect(await notesDatasets(article, reader)).toBeNull();
  });

  it('gives no notes for a similar page whose claim is not in its dispute piece', async () => {
    const similar = similarPages()[0]!;
    const { stored, reader } = store(records);
    const [datasetId, disputeId, claimId] = similar.similar![0]!.split('/');
    const name = `d:${datasetId}/${disputeId}`;
    const found = stored[notesRecordOf(name, count)]![name] as { dispute: { claims: { id: string }[] } };
    found.dispute.claims = found.dispute.claims.filter((c) => c.id !== claimId);
    expect(await notesDatasets(similar, reader)).toBeNull();
  });

  it('makes no pieces of datasets whose ids repeat', () => {
    expect(notesRecords([synthetic, synthetic], count)).toBeNull();
    const twice: Dataset = { ...synthetic, disputes: [...synthetic.disputes, synthetic.disputes[0]!] };
    expect(notesRecords([twice], count)).toBeNull();
  });
});
