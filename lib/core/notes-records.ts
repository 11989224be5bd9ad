/**
 * The datasets cut into the small pieces the notes are made from, so that a restarted service
 * worker answers the first page asking for notes by reading that page's pieces (a few KB) rather
 * than parsing whole datasets (seconds at 100k claims). The background stores them beside the
 * match index, under the same key (lib/platform/catalog-cache.ts); this file holds the pure part:
 * cutting, numbering the records, checking what is read back and putting the pieces together.
 *
 * Two kinds of entries, by name: an article's (`a:dataset/article`) lists the disputes it is in; a
 * dispute's (`d:dataset/dispute`) holds the dispute with the articles and outlets it names. The
 * notes are then made by the catalog's own code (Catalog.notesFor) on a dataset of just those
 * pieces, so they are the notes the whole datasets give, not a second implementation of them.
 */
import * as v from 'valibot';
import { disputedArticles, MAX_SIMILAR } from './catalog-index';
import { ArticleSchema, DisputeSchema, OutletSchema, type Article, type Dataset, type Dispute, type Outlet } from './dataset/schema';
import type { IdentifiedArticle } from './notes';
import { fnv1a } from './text/tokens';

/** Disputed articles per record, on average: a record is then a few tens of KB. */
const ARTICLES_PER_RECORD = 32;

/** A dispute with the articles (fingerprints left out) and outlets that its notes name. */
export interface DisputePiece {
  /** Its place among the dataset's disputes, which orders an article's notes. */
  at: number;
  dispute: Dispute;
  articles: Article[];
  outlets: Outlet[];
}

/** The entries of one record, by name: an article's dispute ids, or a dispute's piece. */
export type NotesEntries = Record<string, string[] | DisputePiece>;

/** How many records the pieces of an index of this many disputed articles are spread over. */
export function notesRecordCount(articles: number): number {
  return Math.max(1, Math.ceil(articles / ARTICLES_PER_RECORD));
}

/** The record an entry is in (by the FNV-1a hash of its name). */
export function notesRecordOf(name: string, records: number): number {
  return fnv1a(name) % records;
}

const articleEntry = (datasetId: string, articleId: string) => `a:${datasetId}/${articleId}`;
const disputeEntry = (datasetId: string, disputeId: string) => `d:${datasetId}/${disputeId}`;

/**
 * The datasets' pieces, spread over `records` records. Null unless every dataset id and, within a
 * dataset, every article and dispute id is used once (as checked datasets are): pieces are found by
 * id, so the notes are then made from the datasets themselves.
 */
export function notesRecords(datasets: readonly Dataset[], records: number): NotesEntries[] | null {
  const distinct = <T>(list: readonly T[], id: (item: T) => string) => new Set(list.map(id)).size === list.length;
  if (!distinct(datasets, (d) => d.dataset.id)) return null;
  if (!datasets.every((d) => distinct(d.articles, (a) => a.id) && distinct(d.disputes, (x) => x.id))) return null;
  const out = Array.from({ length: records }, (): NotesEntries => ({}));
  const put = (name: string, value: string[] | DisputePiece) => (out[notesRecordOf(name, records)]![name] = value);
  for (const dataset of datasets) {
    const id = dataset.dataset.id;
    // As the catalog reads them: each disputed article with its outlet and its disputes.
    const articles = new Map<string, { article: Article; outlet: Outlet }>();
    for (const entry of disputedArticles(dataset)) {
      articles.set(entry.article.id, { article: withoutFingerprint(entry.article), outlet: entry.outlet });
      put(articleEntry(id, entry.article.id), entry.disputes.map((d) => d.id));
    }
    dataset.disputes.forEach((dispute, at) => {
      const named = new Set([...dispute.claims, ...dispute.responses].map((item) => item.article));
      const sides = [...named].flatMap((articleId) => articles.get(articleId) ?? []);
      put(disputeEntry(id, dispute.id), { at, dispute, articles: sides.map((s) => s.article), outlets: [...new Set(sides.map((s) => s.outlet))] });
    });
  }
  return out;
}

function withoutFingerprint(article: Article): Article {
  // Not `delete`: that leaves a slow dictionary object, slower to store.
  const { fingerprint: _fingerprint, ...rest } = article;
  return rest;
}

/**
 * The datasets of just the pieces `article`'s notes are made from (in the order of their ids), read
 * through `read` (entries by name, as stored, unchecked: undefined for one not found). Null unless
 * every piece is there, whole, and names what the notes need, so that a missing or damaged record
 * sends the caller back to the datasets themselves rather than to fewer notes.
 */
export async function notesDatasets(article: IdentifiedArticle, read: (names: readonly string[]) => Promise<readonly unknown[]>): Promise<Dataset[] | null> {
  // Each dispute wanted, with the claim ids or article id its piece must hold.
  const wanted = new Map<string, { datasetId: string; disputeId: string; claims: string[] }>();
  const want = (datasetId: string, disputeId: string, claim?: string) => {
    const name = disputeEntry(datasetId, disputeId);
    const entry = wanted.get(name) ?? { datasetId, disputeId, claims: [] };
    if (claim) entry.claims.push(claim);
    wanted.set(name, entry);
  };
  if (article.how === 'similar') {
    for (const key of (article.similar ?? []).slice(0, MAX_SIMILAR)) {
      const parts = key.split('/');
      if (parts.length !== 3) return null;
      want(parts[0]!, parts[1]!, parts[2]!);
    }
  } else {
    const [ids] = await read([articleEntry(article.datasetId, article.id)]);
    if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string')) return null;
    for (const id of ids as string[]) want(article.datasetId, id);
  }
  const names = [...wanted.keys()];
  const values = await read(names);
  const byDataset = new Map<string, DisputePiece[]>();
  for (let i = 0; i < names.length; i++) {
    const { datasetId, disputeId, claims } = wanted.get(names[i]!)!;
    const piece = checkedPiece(values[i], disputeId);
    if (!piece) return null;
    const has = (articleId: string) => piece.articles.some((a) => a.id === articleId && piece.outlets.some((o) => o.id === a.outlet));
    // A known article's own disputes name it; a candidate claim is in its dispute, its article with it.
    if (article.how !== 'similar' && !([...piece.dispute.claims, ...piece.dispute.responses].some((item) => item.article === article.id) && has(article.id))) return null;
    if (!claims.every((id) => piece.dispute.claims.some((c) => c.id === id && has(c.article)))) return null;
    const list = byDataset.get(datasetId);
    if (list) list.push(piece);
    else byDataset.set(datasetId, [piece]);
  }
  return [...byDataset].map(([id, pieces]) => piecesDataset(id, pieces));
}

/** A stored dispute piece, or null unless it is a whole one of this dispute. */
function checkedPiece(value: unknown, disputeId: string): DisputePiece | null {
  if (typeof value !== 'object' || value === null) return null;
  const { at, dispute, articles, outlets } = value as Partial<DisputePiece>;
  const ok =
    Number.isSafeInteger(at) &&
    at! >= 0 &&
    v.is(DisputeSchema, dispute) &&
    dispute.id === disputeId &&
    Array.isArray(articles) &&
    articles.every((a) => v.is(ArticleSchema, a)) &&
    Array.isArray(outlets) &&
    outlets.every((o) => v.is(OutletSchema, o));
  return ok ? (value as DisputePiece) : null;
}

/** A dataset of the pieces' disputes (in their order in the whole one), articles and outlets; only what the notes read of it. */
function piecesDataset(id: string, pieces: DisputePiece[]): Dataset {
  const byId = <T extends { id: string }>(items: T[]) => [...new Map(items.map((item) => [item.id, item])).values()];
  const ordered = [...pieces].sort((a, b) => a.at - b.at);
  return {
    format: 'counterpoint-dataset',
    version: '1.0',
    dataset: { id, title: '', version: '', publisher: '', licence: '', updated: '' },
    outlets: byId(ordered.flatMap((p) => p.outlets)),
    articles: byId(ordered.flatMap((p) => p.articles)),
    disputes: ordered.map((p) => p.dispute),
  };
}
