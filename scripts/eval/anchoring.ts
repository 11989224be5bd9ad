/**
 * Anchoring accuracy and speed on the perturbation suite: for each page, sentences of its article
 * are chosen as quotes (with 32-character prefix and suffix), the page is perturbed one kind at a
 * time, and Counterpoint's anchoring and the two peers each look for every quote.
 */
import type { NoteView } from '../../lib/core/notes';
import { locateNotes, rangesFor } from '../../lib/dom/anchor';
import { buildTextMap } from '../../lib/dom/text-map';
import { extractArticle } from '../../lib/dom/extract';
import { loadHtml, newWindow } from '../pipeline';
import { KINDS, perturb, type Kind } from './perturb';
import { domAnchorTextQuote, hypothesisMatch, type Extent } from './peers';
import { hashSeed, seeded } from './random';
import type { SourcePage } from './sources';
import { articleParagraphs, chooseSentences, judge, markTarget, quotesOf, rangeExtent, targetExtent, targetPieces, textOffsets, type EvalQuote, type Outcome } from './targets';

export const METHODS = ['counterpoint', 'hypothesis-style', 'dom-anchor-text-quote'] as const;
export type Method = (typeof METHODS)[number];

export interface Tally {
  quotes: number;
  right: number;
  wrong: number;
  unplaced: number;
  ms: number;
}

export type AnchoringResults = Record<Kind, Record<Method, Tally>>;

export interface WrongCase {
  kind: Kind;
  method: Method;
  page: string;
  quote: string;
  outcome: Outcome;
  found?: string;
}

const empty = (): Tally => ({ quotes: 0, right: 0, wrong: 0, unplaced: 0, ms: 0 });

export interface AnchoringOptions {
  quotesPerPage: number;
  kinds?: readonly Kind[];
  methods?: readonly Method[];
  onPage?: (name: string) => void;
}

/** A quote of the suite as the note Counterpoint anchors. */
export function noteFor(quote: EvalQuote): NoteView {
  return { key: `eval/${quote.id}`, claim: `q${quote.id}`, dispute: 'eval', topic: 'eval', side: 'claim', counters: [], quotes: [{ exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix }] };
}

/**
 * One case of the suite, in `window`: the page loaded, its quotes chosen from its article (the
 * same sentences for every kind of a page) and marked as targets, then the page perturbed by
 * `kind`. Null when the page has too little article to quote. The caller closes the window.
 */
export function perturbedCase(window: ReturnType<typeof newWindow>, page: SourcePage, kind: Kind, quotesPerPage: number): { doc: Document; quotes: EvalQuote[] } | null {
  const doc = loadHtml(window, page.html);
  const original = extractArticle(doc);
  if (!original || original.text.length < 400) return null;
  const paragraphs = articleParagraphs(doc, original.text);
  const chosen = chooseSentences(paragraphs, quotesPerPage, seeded(hashSeed(page.name)), doc.body.textContent ?? '');
  if (chosen.length === 0) return null;
  chosen.forEach((choice, id) => markTarget(choice.paragraph, choice.start, choice.end, id));
  const ids = chosen.map((_, id) => id);
  const quotes = quotesOf(doc.body, ids);
  perturb(doc, kind, ids, paragraphs, seeded(hashSeed(`${page.name}/${kind}`)));
  return { doc, quotes };
}

export async function runAnchoring(pages: SourcePage[], options: AnchoringOptions): Promise<{ results: AnchoringResults; failures: WrongCase[]; pages: number; readabilityMs: number; hypothesisMatchingMs: Record<Kind, number> }> {
  const kinds = options.kinds ?? KINDS;
  const methods = options.methods ?? METHODS;
  const results = Object.fromEntries(kinds.map((k) => [k, Object.fromEntries(methods.map((m) => [m, empty()]))])) as AnchoringResults;
  const failures: WrongCase[] = [];
  let used = 0;
  let readabilityMs = 0;
  const matchingOnly = Object.fromEntries(kinds.map((k) => [k, 0])) as Record<Kind, number>;
  for (const page of pages) {
    options.onPage?.(page.name);
    for (const kind of kinds) {
      const window = newWindow(page.url);
      try {
        const perturbed = perturbedCase(window, page, kind, options.quotesPerPage);
        if (!perturbed) break;
        const { doc, quotes } = perturbed;
        if (kind === kinds[0]) used++;
        const t0 = performance.now();
        const article = extractArticle(doc);
        readabilityMs += performance.now() - t0;
        const offsets = textOffsets(doc.body);
        const truths = new Map(quotes.map((q) => [q.id, targetExtent(doc.body, q.id, offsets)]));
        const pieces = new Map(quotes.map((q) => [q.id, targetPieces(doc.body, q.id, offsets)]));
        const record = (method: Method, quote: EvalQuote, found: Extent | null) => {
          const outcome = judge(found, truths.get(quote.id) ?? null, pieces.get(quote.id));
          const tally = results[kind][method];
          tally.quotes++;
          tally[outcome]++;
          if (outcome !== 'right' && (method === 'counterpoint' || outcome === 'wrong')) {
            const text = doc.body.textContent ?? '';
            const truth = truths.get(quote.id);
            failures.push({ kind, method, page: page.name, quote: quote.exact.slice(0, 80), outcome, ...(found ? { found: `${found[0]}-${found[1]} vs truth ${truth?.[0]}-${truth?.[1]}: ${text.slice(found[0], found[1]).slice(0, 80)}` } : {}) });
          }
        };
        for (const method of methods) {
          if (method === 'counterpoint') {
            // Timed: the text map, the article mask and the matching; not the Range objects (slow in happy-dom, and every method needs them).
            const notes = quotes.map(noteFor);
            const start = performance.now();
            const map = buildTextMap(doc.body);
            const located = locateNotes(map, notes, article?.text ?? null, { language: article?.lang ?? null });
            results[kind][method].ms += performance.now() - start;
            const anchoring = rangesFor(map, located);
            const byKey = new Map(anchoring.placed.map((p) => [p.note.key, p.range]));
            for (const quote of quotes) {
              const range = byKey.get(`eval/${quote.id}`);
              record(method, quote, range ? rangeExtent(range, offsets) : null);
            }
          } else if (method === 'hypothesis-style') {
            // As the Hypothesis client does: the root's textContent is read for each quote.
            for (const quote of quotes) {
              const start = performance.now();
              const text = doc.body.textContent ?? '';
              const matchStart = performance.now();
              const found = hypothesisMatch(text, quote);
              const end = performance.now();
              results[kind][method].ms += end - start;
              matchingOnly[kind] += end - matchStart;
              record(method, quote, found);
            }
          } else {
            for (const quote of quotes) {
              const start = performance.now();
              const found = domAnchorTextQuote(doc.body, quote);
              results[kind][method].ms += performance.now() - start;
              record(method, quote, found);
            }
          }
        }
      } finally {
        await window.happyDOM.close();
      }
    }
  }
  return { results, failures, pages: used, readabilityMs, hypothesisMatchingMs: matchingOnly };
}
