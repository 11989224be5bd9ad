/** Part 1 in Node: every stage on each page in happy-dom (slower than a browser; see the Chromium probe). */
import type { PageSignals } from '../../lib/core/catalog';
import type { PageText } from '../../lib/core/page-text';
import { builtinCatalog, loadHtml, newWindow } from '../pipeline';
import type { BenchPage } from './pages';
import { forcedNotes, runStages, type StageOutcome } from './stage-run';

export interface PageStages {
  id: string;
  kind: BenchPage['kind'];
  runs: StageOutcome[];
  /** Parsing the HTML into happy-dom: not an extension stage (the browser does it), shown for scale. */
  parse: number[];
  /** What the always-on script sent (kept for the scale runs, not written out). */
  page?: PageText;
  /** What the background made of it. */
  signals?: PageSignals;
}

export async function nodeStages(pages: readonly BenchPage[], reps: (page: BenchPage) => number, log: (line: string) => void): Promise<PageStages[]> {
  const catalog = builtinCatalog();
  const forced = forcedNotes(catalog);
  const runOnce = async (page: BenchPage) => {
    const window = newWindow(page.url);
    try {
      const start = performance.now();
      const doc = loadHtml(window, page.html);
      const parse = performance.now() - start;
      const { outcome, page: sent, signals } = runStages(doc, catalog, page.kind === 'corpus' || page.kind === 'demo-unmatched' ? forced : null);
      return { parse, outcome, sent, signals };
    } finally {
      await window.happyDOM.close();
    }
  };
  // Warm up the JIT on a few pages so the first measured pages are not penalised.
  for (const page of pages.slice(0, 3)) await runOnce(page);
  const results: PageStages[] = [];
  let done = 0;
  for (const page of pages) {
    const entry: PageStages = { id: page.id, kind: page.kind, runs: [], parse: [] };
    for (let i = 0; i < reps(page); i++) {
      const { parse, outcome, sent, signals } = await runOnce(page);
      entry.page ??= sent;
      entry.signals ??= signals;
      entry.runs.push(outcome);
      entry.parse.push(parse);
    }
    results.push(entry);
    if (++done % 26 === 0) log(`  node stages: ${done}/${pages.length} pages`);
  }
  return results;
}
