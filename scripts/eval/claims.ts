/**
 * Claim detection: recall on pages written for it (a wire rewrite, a blog paraphrase, a syndicated
 * copy with boilerplate, an edited revision, a Chinese rewrite) and false notes on pages that must
 * carry none: the 130 real pages, and the rebuttal pages, which quote the claims to dispute them —
 * also when they are taken for unknown pages (forced through the similar-claim path).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalog } from '../../lib/core/catalog';
import type { ArticleHow, NoteHow } from '../../lib/core/notes';
import { signalsOf } from '../../lib/core/page-text';
import { verifyClaims, type ClaimTexts } from '../../lib/core/similar/verify';
import { sentences } from '../../lib/core/similar/words';
import { extractArticle } from '../../lib/dom/extract';
import { findNotes } from '../../lib/dom/find-notes';
import { collectSignals } from '../../lib/dom/page-signals';
import { builtinCatalog, catalogFromFiles, loadHtml, newWindow } from '../pipeline';
import { DEMO_PAGES } from '../../demo/sites';
import { table } from './report';
import { demoPages, type SourcePage } from './sources';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface PageNotes {
  how: ArticleHow | null;
  /** `sentences`: how many sentences the badged passage spans (a similar-claim note should span one). */
  notes: { claim: string; how: NoteHow; confidence: number; changed: boolean; passage: string; sentences: number }[];
  /** Pairs of notes whose passages overlap (there must be none). */
  overlaps: number;
}

/** Range.START_TO_END and Range.END_TO_START (Node has no global Range). */
const START_TO_END = 1;
const END_TO_START = 3;

/** Pairs of ranges that share at least one character. */
function overlappingPairs(ranges: readonly Range[]): number {
  let pairs = 0;
  for (let i = 0; i < ranges.length; i++) {
    for (let j = i + 1; j < ranges.length; j++) {
      const a = ranges[i]!;
      const b = ranges[j]!;
      if (a.compareBoundaryPoints(START_TO_END, b) > 0 && a.compareBoundaryPoints(END_TO_START, b) < 0) pairs++;
    }
  }
  return pairs;
}

/** The pipeline as the extension runs it, known articles and similar claims alike. */
export async function notesOn(html: string, url: string, catalog: Catalog, force?: 'similar'): Promise<PageNotes> {
  const window = newWindow(url);
  try {
    const doc = loadHtml(window, html);
    const first = force ? true : catalog.match(collectSignals(doc));
    if (!first) return { how: null, notes: [], overlaps: 0 };
    const found = await findNotes(doc, async (page) => {
      const signals = signalsOf(page);
      const article = force ? catalog.similar(signals) : catalog.match(signals);
      return { article, notes: article ? catalog.notesFor(article) : [] };
    });
    if (!found.article) return { how: null, notes: [], overlaps: 0 };
    const placed = found.anchoring.placed;
    return {
      how: found.article.how,
      notes: placed.map((p) => ({ claim: p.note.claim, how: p.how, confidence: p.confidence, changed: p.changed === true, passage: p.passage.slice(0, 120), sentences: sentences(p.passage).length })),
      overlaps: overlappingPairs(placed.map((p) => p.range)),
    };
  } finally {
    await window.happyDOM.close();
  }
}

interface Case {
  page: string;
  dataset: 'builtin' | 'zh';
  /** Claims the page makes (notes expected); [] for a page that must carry no claim note. */
  expect: string[];
  /** Claim-side notes are false here (the page answers the claims). */
  rebuttal?: boolean;
  force?: 'similar';
}

const CLAIMS = ['nyt-pledge-terms', 'nyt-pledge-sender', 'nyt-pledge-penalties'];

export const CASES: Case[] = [
  { page: 'wire-rewrite', dataset: 'builtin', expect: CLAIMS },
  { page: 'blog-paraphrase', dataset: 'builtin', expect: CLAIMS },
  { page: 'nyt-copy-boilerplate', dataset: 'builtin', expect: [...CLAIMS, 'nyt-response-timing'] },
  { page: 'nyt-revised', dataset: 'builtin', expect: CLAIMS },
  { page: 'nyt-syndicated', dataset: 'builtin', expect: CLAIMS },
  { page: 'zh-wire-rewrite', dataset: 'zh', expect: CLAIMS },
  { page: 'gt-article', dataset: 'builtin', expect: [], rebuttal: true },
  { page: 'gt-reprint', dataset: 'builtin', expect: [], rebuttal: true },
  { page: 'gt-rebuttal-rewrite', dataset: 'builtin', expect: [], rebuttal: true },
  { page: 'gt-zh', dataset: 'zh', expect: [], rebuttal: true },
  { page: 'gt-article', dataset: 'builtin', expect: [], rebuttal: true, force: 'similar' },
  { page: 'gt-reprint', dataset: 'builtin', expect: [], rebuttal: true, force: 'similar' },
  { page: 'gt-rebuttal-rewrite', dataset: 'builtin', expect: [], rebuttal: true, force: 'similar' },
  { page: 'gt-zh', dataset: 'zh', expect: [], rebuttal: true, force: 'similar' },
  { page: 'unrelated', dataset: 'builtin', expect: [] },
];

const DATASET_FILES = { builtin: 'lib/core/dataset/builtin/seed.json', zh: 'tests/fixtures/eval/seed-zh.json' } as const;

export function catalogs(): Record<'builtin' | 'zh', Catalog> {
  return { builtin: builtinCatalog(), zh: catalogFromFiles([{ name: 'seed-zh.json', text: readFileSync(join(ROOT, DATASET_FILES.zh), 'utf8') }]) };
}

/** Every claim of a dataset as the verifier sees it (what the catalog hands over for a `similar` page). */
function allClaimTexts(name: keyof typeof DATASET_FILES, catalog: Catalog): ClaimTexts[] {
  const json = JSON.parse(readFileSync(join(ROOT, DATASET_FILES[name]), 'utf8')) as { dataset: { id: string }; disputes: { id: string; claims: { id: string }[] }[] };
  const keys = json.disputes.flatMap((d) => d.claims.map((c) => `${json.dataset.id}/${d.id}/${c.id}`));
  const notes = catalog.notesFor({ id: '', datasetId: json.dataset.id, outlet: '', outletId: '', title: '', how: 'similar', similar: keys });
  return notes.filter((n) => n.similar).map((n) => ({ key: n.key, ...n.similar! }));
}

/**
 * The verifier alone, without the cheap retrieval in front of it: every claim of both datasets
 * against the article text of each page. On pages that make no claim, each claim verified is a
 * note the verifier would have placed had retrieval let the page through.
 */
export async function runVerifierAlone(pages: readonly SourcePage[]): Promise<{ pages: number; claims: number; verified: string[] }> {
  const cat = catalogs();
  const sets = (['builtin', 'zh'] as const).map((name) => allClaimTexts(name, cat[name]));
  const verified: string[] = [];
  for (const page of pages) {
    const window = newWindow(page.url);
    try {
      const text = extractArticle(loadHtml(window, page.html))?.text ?? '';
      for (const claims of sets) for (const v of verifyClaims(text, claims)) verified.push(`${page.name}: ${v.key}: ${text.slice(v.start, v.end).slice(0, 120)}`);
    } finally {
      await window.happyDOM.close();
    }
  }
  return { pages: pages.length, claims: sets.reduce((n, s) => n + s.length, 0), verified };
}

export interface CaseResult {
  page: string;
  dataset: string;
  forced: boolean;
  how: ArticleHow | null;
  expected: number;
  found: number;
  missed: string[];
  falseNotes: string[];
  notes: PageNotes['notes'];
  overlaps: number;
}

export async function runClaimCases(): Promise<CaseResult[]> {
  const cat = catalogs();
  const results: CaseResult[] = [];
  for (const c of CASES) {
    const demo = DEMO_PAGES.find((p) => p.id === c.page)!;
    const html = readFileSync(join(ROOT, 'demo/pages', demo.file), 'utf8');
    const { how, notes, overlaps } = await notesOn(html, demo.url, cat[c.dataset], c.force);
    const claimNotes = notes.filter((n) => n.claim.startsWith('nyt-'));
    const found = c.expect.filter((claim) => claimNotes.some((n) => n.claim === claim));
    const falseNotes = (c.rebuttal ? claimNotes : notes.filter((n) => !c.expect.includes(n.claim) && !(n.claim.startsWith('gt-') && !c.expect.length && how !== 'similar'))).map((n) => `${n.claim}: ${n.passage}`);
    results.push({ page: c.page, dataset: c.dataset, forced: !!c.force, how, expected: c.expect.length, found: found.length, missed: c.expect.filter((claim) => !found.includes(claim)), falseNotes, notes, overlaps });
  }
  return results;
}

/** Every corpus page under each catalog, and again forced through the similar-claim path: notes placed (must be none). */
export async function runCorpusFalseNotes(pages: SourcePage[], onPage?: (name: string) => void): Promise<{ pages: number; runs: number; candidates: string[]; falseNotes: string[] }> {
  const cat = catalogs();
  const falseNotes: string[] = [];
  const candidates: string[] = [];
  let runs = 0;
  for (const page of pages) {
    onPage?.(page.name);
    for (const [name, catalog] of Object.entries(cat)) {
      for (const force of [undefined, 'similar'] as const) {
        runs++;
        const result = await notesOn(page.html, page.url, catalog, force);
        if (!force && result.how) candidates.push(`${page.name} (${name}): ${result.how}`);
        for (const note of result.notes) falseNotes.push(`${page.name} (${name}${force ? ', forced similar' : ''}): ${note.claim}: ${note.passage}`);
      }
    }
  }
  return { pages: pages.length, runs, candidates, falseNotes };
}

export type CorpusFalseNotes = Awaited<ReturnType<typeof runCorpusFalseNotes>>;

/** Recall on the pages that make the claims (found / expected, all pages together). */
export function claimRecall(cases: readonly CaseResult[]): number {
  const positives = cases.filter((c) => c.expected > 0);
  return positives.reduce((n, c) => n + c.found, 0) / Math.max(1, positives.reduce((n, c) => n + c.expected, 0));
}

/** The claim-detection section of the eval report, as lines. */
export function claimsReport(cases: readonly CaseResult[], corpus: CorpusFalseNotes, alone?: Awaited<ReturnType<typeof runVerifierAlone>>): string[] {
  const falseOnCases = cases.reduce((n, c) => n + c.falseNotes.length, 0);
  const out = ['(c) Claim detection'];
  out.push(table([
    ['page', 'dataset', 'path', 'matched as', 'claims found', 'false notes', 'overlaps', 'notes [how, confidence, sentences]'],
    ...cases.map((c) => [c.page, c.dataset, c.forced ? 'forced similar' : 'as served', c.how ?? '-', `${c.found}/${c.expected}`, String(c.falseNotes.length), String(c.overlaps), c.notes.map((n) => `${n.claim}[${n.how}${n.changed ? ', changed' : ''} ${n.confidence} ${n.sentences}s]`).join(' ')]),
  ]));
  out.push(`recall on the rewrite and copy pages: ${(100 * claimRecall(cases)).toFixed(1)}%; false notes on the written pages: ${falseOnCases}`);
  out.push(`real pages: ${corpus.pages} pages × 2 datasets × (as served, forced similar) = ${corpus.runs} runs: ${corpus.falseNotes.length} false notes, ${corpus.candidates.length} pages even matched`);
  for (const note of corpus.falseNotes) out.push(`  FALSE NOTE ${note}`);
  if (alone) {
    out.push(`verifier alone (no retrieval): ${alone.claims} claims × ${alone.pages} pages that make none: ${alone.verified.length} verified`);
    for (const v of alone.verified) out.push(`  VERIFIED ${v}`);
  }
  return out;
}

/** The demo pages that make no claim (they rebut the claims, or are about something else). */
const NEGATIVE_PAGES = ['gt-article', 'gt-reprint', 'gt-rebuttal-rewrite', 'gt-zh', 'unrelated'].map((id) => `demo/${id}`);

/** `npm run eval -- --only claims`: the claim cases, the real pages, and the verifier alone on every page that makes no claim. */
export async function claimsOnly(corpus: SourcePage[], onPage?: (name: string) => void): Promise<string[]> {
  const negatives = [...demoPages().filter((p) => NEGATIVE_PAGES.includes(p.name)), ...corpus];
  return claimsReport(await runClaimCases(), await runCorpusFalseNotes(corpus, onPage), await runVerifierAlone(negatives));
}
