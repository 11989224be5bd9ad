/**
 * The extension's pipeline on one document, stage by stage, with a clock around each: the same
 * library calls the content scripts and the background make. DOM only (no Node APIs), so it runs in
 * Node on happy-dom and, bundled, in a Chromium page (scripts/bench/probe.ts).
 */
import type { Catalog, PageSignals } from '../../lib/core/catalog';
import { matchQuote } from '../../lib/core/match/anchor-quote';
import { articleMask } from '../../lib/core/match/article-mask';
import type { IdentifiedArticle, NoteView } from '../../lib/core/notes';
import { anchorNotes, inArticle, quotesFor, type Anchoring } from '../../lib/dom/anchor';
import { extractArticle } from '../../lib/dom/extract';
import { collectSignals, hashesOf, pageUrls, visibleText } from '../../lib/dom/page-signals';
import { buildTextMap } from '../../lib/dom/text-map';

/** Stage names, in pipeline order; "·" rows are a breakdown of the row above them, measured by re-running its parts. */
export const STAGES = {
  signals: 'always-on: collectSignals (URLs + visibleText + hashesOf)',
  visibleText: '· visibleText (TreeWalker pass)',
  hashesOf: '· hashesOf (tokenise + n-gram hashes)',
  lookup: 'background lookup: identify(signals), built-in dataset',
  readability: 'Readability: extractArticle (clone + parse)',
  identification: 'identification: hashesOf(article text) + identify',
  anchoring: 'verify + anchor: anchorNotes (all notes)',
  textMap: '· text map of the page (buildTextMap)',
  articleMask: '· article mask (articleMask)',
  matching: '· claim verification: quote matching (matchQuote)',
  render: 'rendering: highlights + layoutBadges + Preact render + layout',
} as const;

export type StageName = keyof typeof STAGES;

export interface StageOutcome {
  times: Partial<Record<StageName, number>>;
  /** What the background said to the always-on question. */
  verdict: string | null;
  /** The article the heavy half identified (null on corpus pages, whose notes are forced). */
  article: string | null;
  placed: number;
  unplaced: number;
  hashes: number;
  /** Bytes of the always-on script's message, as JSON. */
  messageBytes: number;
  articleWords: number;
}

const now = () => performance.now();

/**
 * Runs every stage. `forced`: the notes to anchor whatever the lookup says (corpus pages are treated
 * as the disputed article, as the corpus test does); null: the real path (notes of the identified article).
 */
export function runStages(
  doc: Document,
  catalog: Catalog,
  forced: readonly NoteView[] | null,
): { outcome: StageOutcome; signals: PageSignals; anchoring: Anchoring; article: IdentifiedArticle | null } {
  const times: StageOutcome['times'] = {};
  let t = now();
  const lap = (stage: StageName) => {
    const at = now();
    times[stage] = at - t;
    t = at;
  };

  const signals: PageSignals = collectSignals(doc);
  lap('signals');
  const verdict = catalog.identify(signals);
  lap('lookup');
  const body = doc.body;
  t = now();
  const text = body ? visibleText(body) : '';
  lap('visibleText');
  hashesOf(text);
  lap('hashesOf');

  const extracted = extractArticle(doc);
  lap('readability');
  const articleText = extracted?.text ?? text;
  const article = catalog.identify({ ...pageUrls(doc), hashes: hashesOf(articleText) });
  lap('identification');

  const notes = forced ?? (article ? catalog.notesFor(article) : []);
  let anchoring: Anchoring = { placed: [], unplaced: [] };
  if (body && notes.length) {
    anchoring = anchorNotes(body, notes, extracted?.text ?? null);
    lap('anchoring');
    const map = buildTextMap(body);
    lap('textMap');
    const mask = extracted ? articleMask(map.text, extracted.text) : null;
    lap('articleMask');
    const accept = (start: number, end: number) => inArticle(mask, start, end);
    const region = mask?.extent ?? undefined;
    for (const note of notes) {
      for (const quote of quotesFor(note.quotes, null)) {
        const match = matchQuote(map.text, quote, region ? { accept, region } : { accept });
        if (match?.how === 'quote') break;
      }
    }
    lap('matching');
  }

  return {
    outcome: {
      times,
      verdict: verdict ? `${verdict.id} (${verdict.how})` : null,
      article: forced ? null : article ? `${article.id} (${article.how})` : null,
      placed: anchoring.placed.length,
      unplaced: anchoring.unplaced.length,
      hashes: signals.hashes.length,
      messageBytes: new TextEncoder().encode(JSON.stringify({ type: 'page', signals })).length,
      articleWords: articleText.split(/\s+/).filter(Boolean).length,
    },
    signals,
    anchoring,
    article,
  };
}

/** The notes a page gets when it is taken for each of the built-in dataset's articles (as the corpus test does). */
export function forcedNotes(catalog: Catalog): NoteView[] {
  const ids = ['nyt-2015-09-16-pledge', 'gt-2015-09-19-official-disputes'];
  return ids.flatMap((id) => catalog.notesFor({ id, datasetId: 'counterpoint-seed', outlet: '', outletId: '', title: '', how: 'url' }));
}
