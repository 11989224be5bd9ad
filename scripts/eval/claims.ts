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
import { findNotes } from '../../lib/dom/find-notes';
import { collectSignals } from '../../lib/dom/page-signals';
import { builtinCatalog, catalogFromFiles, loadHtml, newWindow } from '../pipeline';
import { DEMO_PAGES } from '../../demo/sites';
import type { SourcePage } from './sources';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface PageNotes {
  how: ArticleHow | null;
  notes: { claim: string; how: NoteHow; confidence: number; changed: boolean; passage: string }[];
}

/** The pipeline as the extension runs it, known articles and similar claims alike. */
export async function notesOn(html: string, url: string, catalog: Catalog, force?: 'similar'): Promise<PageNotes> {
  const window = newWindow(url);
  try {
    const doc = loadHtml(window, html);
    const first = force ? true : catalog.match(collectSignals(doc));
    if (!first) return { how: null, notes: [] };
    const found = await findNotes(doc, async (page) => {
      const signals = signalsOf(page);
      const article = force ? catalog.similar(signals) : catalog.match(signals);
      return { article, notes: article ? catalog.notesFor(article) : [] };
    });
    if (!found.article) return { how: null, notes: [] };
    return {
      how: found.article.how,
      notes: found.anchoring.placed.map((p) => ({ claim: p.note.claim, how: p.how, confidence: p.confidence, changed: p.changed === true, passage: p.passage.slice(0, 120) })),
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

export function catalogs(): Record<'builtin' | 'zh', Catalog> {
  return { builtin: builtinCatalog(), zh: catalogFromFiles([{ name: 'seed-zh.json', text: readFileSync(join(ROOT, 'tests/fixtures/eval/seed-zh.json'), 'utf8') }]) };
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
}

export async function runClaimCases(): Promise<CaseResult[]> {
  const cat = catalogs();
  const results: CaseResult[] = [];
  for (const c of CASES) {
    const demo = DEMO_PAGES.find((p) => p.id === c.page)!;
    const html = readFileSync(join(ROOT, 'demo/pages', demo.file), 'utf8');
    const { how, notes } = await notesOn(html, demo.url, cat[c.dataset], c.force);
    const claimNotes = notes.filter((n) => n.claim.startsWith('nyt-'));
    const found = c.expect.filter((claim) => claimNotes.some((n) => n.claim === claim));
    const falseNotes = (c.rebuttal ? claimNotes : notes.filter((n) => !c.expect.includes(n.claim) && !(n.claim.startsWith('gt-') && !c.expect.length && how !== 'similar'))).map((n) => `${n.claim}: ${n.passage}`);
    results.push({ page: c.page, dataset: c.dataset, forced: !!c.force, how, expected: c.expect.length, found: found.length, missed: c.expect.filter((claim) => !found.includes(claim)), falseNotes, notes });
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
