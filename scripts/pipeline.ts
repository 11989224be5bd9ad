/**
 * The extension's pipeline in Node, on saved HTML: the always-on question first (URLs and text
 * fingerprint against the catalog), and only on a "maybe" the heavy half (Readability, notes,
 * anchoring), exactly as the overlay runs it. Used by `npm run check`, the corpus tests and benchmarks.
 */
import { Window } from 'happy-dom';
import { Catalog } from '../lib/core/catalog';
import { importDataset } from '../lib/core/dataset/import';
import { formatProblems } from '../lib/core/dataset/parse';
import type { Dataset } from '../lib/core/dataset/schema';
import type { ArticleHow, CounterStance, NoteHow } from '../lib/core/notes';
import { signalsOf } from '../lib/core/page-text';
import { findNotes } from '../lib/dom/find-notes';
import { collectSignals } from '../lib/dom/page-signals';
import builtinSeed from '../lib/core/dataset/builtin/seed.json';
import { validateDataset } from '../lib/core/dataset/parse';

export interface CheckResult {
  url: string;
  article: { id: string; outlet: string; how: Exclude<ArticleHow, 'similar'> } | null;
  notes: {
    claim: string;
    dispute: string;
    how: NoteHow;
    confidence: number;
    passage: string;
    counter: { outlet: string; stance: CounterStance }[];
    /** The passage was found only approximately: the article changed since it was quoted. */
    changed: boolean;
  }[];
  unplaced: { claim: string; dispute: string; reason: string }[];
}

export interface CheckTimings {
  parse: number;
  signals: number;
  lookup: number;
  heavy: number;
}

export function builtinCatalog(): Catalog {
  const result = validateDataset(builtinSeed);
  if (!result.ok) throw new Error('the built-in dataset is invalid');
  return new Catalog([result.dataset]);
}

export function catalogFromFiles(files: { name: string; text: string }[]): Catalog {
  const datasets: Dataset[] = [];
  for (const file of files) {
    const result = importDataset(file.text, file.name);
    if (!result.ok) throw new Error(formatProblems(file.name, result.problems).join('\n'));
    datasets.push(result.dataset);
  }
  return new Catalog(datasets);
}

const WINDOW_SETTINGS = {
  disableJavaScriptEvaluation: true,
  disableJavaScriptFileLoading: true,
  disableCSSFileLoading: true,
  disableIframePageLoading: true,
  disableComputedStyleRendering: true,
  handleDisabledFileLoadingAsSuccess: true,
};

/**
 * Puts a page into the window's own document (parsed, never run). Ranges in happy-dom only work on
 * the window's document, so the parsed tree is moved there rather than used where it was parsed.
 */
export function loadHtml(window: Window, html: string): Document {
  const parsed = new window.DOMParser().parseFromString(html, 'text/html');
  const doc = window.document;
  doc.documentElement.remove();
  doc.appendChild(doc.adoptNode(parsed.documentElement));
  return doc as unknown as Document;
}

export function newWindow(url: string): Window {
  return new Window({ url, settings: WINDOW_SETTINGS });
}

/** Runs the pipeline on `html` as if loaded from `url`. */
export async function checkHtml(html: string, url: string, catalog: Catalog, timings?: CheckTimings): Promise<CheckResult> {
  const window = newWindow(url);
  try {
    let t = performance.now();
    const doc = loadHtml(window, html);
    const lap = () => {
      const now = performance.now();
      const spent = now - t;
      t = now;
      return spent;
    };
    if (timings) timings.parse = lap();
    const signals = collectSignals(doc);
    if (timings) timings.signals = lap();
    const verdict = catalog.match(signals);
    if (timings) timings.lookup = lap();
    const result: CheckResult = { url, article: null, notes: [], unplaced: [] };
    if (!verdict) return result;
    const found = await findNotes(doc, async (page) => {
      const article = catalog.match(signalsOf(page));
      return { article, notes: article ? catalog.notesFor(article) : [] };
    });
    if (timings) timings.heavy = lap();
    if (!found.article) return result;
    // A page the datasets do not know, with a similar claim, is no known article: its notes say `similar`.
    const how = found.article.how;
    result.article = how === 'similar' ? null : { id: found.article.id, outlet: found.article.outlet, how };
    result.notes = found.anchoring.placed.map((p) => ({
      claim: p.note.claim,
      dispute: p.note.dispute,
      how: p.how,
      confidence: Number(p.confidence.toFixed(3)),
      passage: p.passage,
      counter: p.note.counters.map((c) => ({ outlet: c.outlet, stance: c.stance })),
      changed: p.changed === true,
    }));
    result.unplaced = found.anchoring.unplaced.map((u) => ({ claim: u.note.claim, dispute: u.note.dispute, reason: u.reason }));
    return result;
  } finally {
    await window.happyDOM.close();
  }
}
