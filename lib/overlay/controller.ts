/**
 * The overlay's run on one page view: find the article, ask the background for its notes, anchor
 * them, and show them while the settings say so. Rescans, bounded, when the page replaces the
 * passages' text or when text arrives that could place notes still unplaced. Ends (taking every
 * note and highlight with it) when a newer run starts, when the page navigates, or when the
 * extension goes away; gives up cleanly on pages too big to work on without freezing them.
 */
import type { IdentifiedArticle } from '../core/notes';
import { shownOn, type Settings } from '../core/settings';
import type { Anchoring } from '../dom/anchor';
import { findNotes } from '../dom/find-notes';
import { askNotes, reportCount } from '../platform/messages';
import { OVERLAY_FLAG, quietly } from '../platform/page-watch';
import { getSettings, watchSettings } from '../platform/settings';
import { overBudget } from './budget';
import { createLifetime, endWhenOrphaned, extensionAlive, yieldToPage, type Lifetime } from './lifetime';
import { watchContent } from './mutations';
import { watchNavigation } from './navigation';
import { textSize } from './signals';
import { mountOverlayView, type OverlayView } from './view';

const CURRENT_RUN = Symbol.for('counterpoint.overlay.run');

const NOTHING: Anchoring = { placed: [], unplaced: [] };

/** Rescans per page view after the first scan, and their pacing (see watchContent). */
export const RESCANS = { quietMs: 500, maxWaitMs: 3000, spacingMs: 1000, maxRuns: 4 };

/** Ends the previous run in this frame (if any) and starts this one's lifetime. */
function claimPage(): Lifetime {
  const shared = globalThis as Record<symbol, unknown>;
  (shared[CURRENT_RUN] as Lifetime | undefined)?.end('replaced');
  const life = createLifetime();
  shared[CURRENT_RUN] = life;
  shared[OVERLAY_FLAG] = true;
  life.onEnd(() => {
    if (shared[CURRENT_RUN] !== life) return;
    shared[CURRENT_RUN] = undefined;
    shared[OVERLAY_FLAG] = false;
  });
  return life;
}

const idle = (life: Lifetime) =>
  new Promise<void>((resolve) => {
    if (typeof requestIdleCallback !== 'function') return life.later(resolve, 0);
    const id = requestIdleCallback(() => resolve(), { timeout: 1500 });
    life.onEnd(() => cancelIdleCallback(id));
  });

const count = (n: number) => {
  if (extensionAlive()) reportCount(n).catch(() => undefined);
};

export async function runOverlay(): Promise<void> {
  if (window.top !== window) return;
  const life = claimPage();
  endWhenOrphaned(life);
  watchNavigation(life, () => life.end('navigated'));
  life.onEnd(() => count(0));

  let view: OverlayView | null = null;
  let article: IdentifiedArticle | null = null;
  let anchoring: Anchoring = NOTHING;
  let settings: Settings | null = null;
  let scannedText = 0;
  const apply = () => {
    if (life.ended || !view || !settings) return;
    const shown = shownOn(settings, location.href) && !view.gaveUp;
    if (shown) view.show();
    else view.hide();
    count(shown ? anchoring.placed.length : 0);
  };
  /** One pass of the pipeline; false if the page is too big (given up) or the run ended. */
  const scan = async (): Promise<boolean> => {
    const size = textSize(document);
    if (overBudget(document, size)) return false;
    const found = await findNotes(document, askNotes, yieldToPage);
    // Anchoring and rendering are each a long stretch of work: the page runs between them, so
    // neither adds to the other's task.
    if (found.anchoring.placed.length) await yieldToPage();
    if (life.ended) return false;
    scannedText = size;
    const empty = !found.article || (found.anchoring.placed.length === 0 && found.anchoring.unplaced.length === 0);
    anchoring = empty ? NOTHING : found.anchoring;
    article = found.article ?? article;
    if (view && article) view.update(article, anchoring);
    else if (!empty && article) view = mountOverlayView(life, { article, anchoring }, () => count(0));
    apply();
    return true;
  };

  const unwatch = watchSettings((next) => {
    settings = next;
    apply();
  });
  life.onEnd(() => quietly(unwatch));
  const stored = await getSettings().catch(() => null);
  settings ??= stored;
  await idle(life);
  if (life.ended || !settings) return;
  if (!(await scan().catch(() => false)) || life.ended) return;

  // Rescan when the page replaced the passages' nodes, or grew text that could place the rest.
  const couldPlaceMore = () => !article || anchoring.unplaced.some((u) => u.note.quotes.length > 0);
  const grew = () => Math.abs(textSize(document) - scannedText) > Math.max(200, scannedText * 0.1);
  const stale = () => (view?.broken() ?? false) || (grew() && couldPlaceMore());
  const watch = watchContent(life, RESCANS, async () => {
    if (!extensionAlive()) return life.end('extension gone');
    if (!view?.gaveUp && stale()) await scan().catch(() => false);
  });
  // The page may have changed while the first scan ran.
  if (stale()) watch.poke();
}
