/**
 * The extension's pipeline on one document, stage by stage, with a clock around each: the library
 * calls the always-on script (`pageText`), the background (lib/platform/background.ts: `signalsOf`,
 * `match`, `notesFor`) and the overlay (lib/dom/find-notes.ts) make, in their order. DOM only (no
 * Node APIs), so it runs in Node on happy-dom and, bundled, in a Chromium page (scripts/bench/probe.ts;
 * there the background's rows run in the page too, cold, where the extension runs them warm in its
 * service worker).
 */
import type { Catalog, PageSignals } from '../../lib/core/catalog';
import { MAX_TEXT } from '../../lib/core/limits';
import type { IdentifiedArticle, NoteView } from '../../lib/core/notes';
import { signalsOf, type PageText } from '../../lib/core/page-text';
import { articleMask } from '../../lib/core/match/article-mask';
import { verifyClaims } from '../../lib/core/similar/verify';
import { anchorNotes, locateNotes, type Anchoring } from '../../lib/dom/anchor';
import { extractArticle } from '../../lib/dom/extract';
import { asSimilar, verifiedClaims } from '../../lib/dom/find-notes';
import { pageText } from '../../lib/dom/page-signals';
import { buildTextMap } from '../../lib/dom/text-map';

/** Stage names, in pipeline order; "·" rows are a breakdown of the row above them, measured by re-running its parts. */
export const STAGES = {
  walk: 'always-on (page): walk (URLs + visible text, one TreeWalker pass: pageText)',
  background: 'background: hash + lookup (signalsOf: tokenise + n-gram hashes; match), built-in dataset',
  hash: '· hash (signalsOf)',
  lookup: '· lookup (match)',
  readability: 'Readability: extractArticle (clone + parse)',
  identification: 'identification: background hashes the article text + match + notesFor',
  anchoring: 'verify + anchor: anchorNotes (anchorSimilar on "similar" pages)',
  textMap: '· text map of the page (buildTextMap)',
  articleMask: '· article mask (articleMask)',
  matching: '· quote matching (locateNotes: mask + matchQuote)',
  verification: '· claim verification (verifyClaims; "similar" pages)',
  render: 'rendering: mountOverlayView + show (highlights, badge layout, Preact) + layout',
} as const;

export type StageName = keyof typeof STAGES;

export interface StageOutcome {
  times: Partial<Record<StageName, number>>;
  /** What the background said to the always-on question. */
  verdict: string | null;
  /** The article the heavy half identified (null on pages whose notes are forced). */
  article: string | null;
  placed: number;
  unplaced: number;
  hashes: number;
  /** Characters of visible text the always-on script sends. */
  textChars: number;
  /** Bytes of the always-on script's message ({type: 'page', page}), as JSON. */
  messageBytes: number;
  articleWords: number;
}

const now = () => performance.now();

/**
 * Runs every stage. `forced`: the notes to anchor whatever the lookup says (corpus pages are treated
 * as the disputed article, as the corpus test does); null: the real path (the matched article's notes).
 */
export function runStages(
  doc: Document,
  catalog: Catalog,
  forced: readonly NoteView[] | null,
): { outcome: StageOutcome; page: PageText; signals: PageSignals; anchoring: Anchoring; article: IdentifiedArticle | null } {
  const times: StageOutcome['times'] = {};
  let t = now();
  const lap = (stage: StageName) => {
    const at = now();
    times[stage] = at - t;
    t = at;
  };

  // The always-on script's part (on the page's thread), then the background's (in its service worker).
  const page: PageText = pageText(doc);
  lap('walk');
  const signals: PageSignals = signalsOf(page);
  const verdict = catalog.match(signals);
  lap('background');
  signalsOf(page);
  lap('hash');
  catalog.match(signals);
  lap('lookup');
  const body = doc.body;
  const text = page.text;

  const extracted = extractArticle(doc);
  lap('readability');
  const articleText = extracted?.text ?? text;
  const matched = catalog.match(signalsOf({ ...page, text: articleText.slice(0, MAX_TEXT) }));
  const article = forced ? null : matched;
  const notes = forced ?? (article ? catalog.notesFor(article) : []);
  lap('identification');

  const language = extracted?.lang ?? doc.documentElement.getAttribute('lang');
  const similar = article?.how === 'similar';
  let anchoring: Anchoring = { placed: [], unplaced: [] };
  if (body && notes.length && (!similar || extracted)) {
    // In one go (no pauses), so the row is the work itself; the overlay spreads it over tasks.
    const anchorAll = (list: readonly NoteView[]) => anchorNotes(body, list, extracted?.text ?? null, { language });
    const verified = similar ? verifiedClaims(extracted!.text, notes) : null;
    anchoring = !verified ? anchorAll(notes) : verified.notes.length ? asSimilar(anchorAll(verified.notes), verified.scores) : anchoring;
    lap('anchoring');
    const map = buildTextMap(body);
    lap('textMap');
    if (extracted) articleMask(map.text, extracted.text);
    lap('articleMask');
    if (!similar) {
      locateNotes(map, notes, extracted?.text ?? null, { language });
      lap('matching');
    } else {
      verifyClaims(
        extracted!.text,
        notes.filter((n) => n.similar).map((n) => ({ key: n.key, ...n.similar! })),
      );
      lap('verification');
    }
  }

  return {
    outcome: {
      times,
      verdict: verdict ? `${verdict.id || '(similar)'} (${verdict.how})` : null,
      article: article ? `${article.id || '(similar)'} (${article.how})` : null,
      placed: anchoring.placed.length,
      unplaced: anchoring.unplaced.length,
      hashes: signals.hashes.length,
      textChars: page.text.length,
      messageBytes: new TextEncoder().encode(JSON.stringify({ type: 'page', page })).length,
      articleWords: articleText.split(/\s+/).filter(Boolean).length,
    },
    page,
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
