/**
 * The always-on part: one cheap question to the background per page view. It asks again after a
 * single-page navigation (once the new page has settled; not after a hash change), when notes are
 * turned on, and, a bounded number of times, when the page's text grows a lot after load (an
 * article that arrives late). While an overlay runs on the page, the overlay watches instead.
 * Never runs Readability; stops for good when the extension goes away.
 */
import { shownOn } from '../core/settings';
import { createLifetime, extensionAlive, type Lifetime } from '../overlay/lifetime';
import { watchContent } from '../overlay/mutations';
import { watchNavigation } from '../overlay/navigation';
import { pageSignalsInSlices, textSize } from '../overlay/signals';
import { watchCatalogVersion } from './catalog-version';
import { askPage } from './messages';
import { watchSettings } from './settings';

export const OVERLAY_FLAG = Symbol.for('counterpoint.overlay');

/** Re-asking while the text grows: checks per page view and their pacing (see watchContent). */
export const GROWTH = { quietMs: 500, maxWaitMs: 3000, spacingMs: 500, maxRuns: 8 };
/** After a navigation: wait for this much quiet (at most MAX) before asking. */
const SETTLE = { quietMs: 300, maxWaitMs: 2000, spacingMs: 0, maxRuns: 1 };

const overlayPresent = () => (globalThis as Record<symbol, unknown>)[OVERLAY_FLAG] === true;

/** A significant change of the page's amount of text since it was last fingerprinted. */
const grewFrom = (before: number, now: number) => Math.abs(now - before) > Math.max(300, before * 0.25);

export function watchPage(): void {
  if (window.top !== window) return;
  const life = createLifetime();
  let view: Lifetime = createLifetime();
  let askedText = 0;

  const alive = () => {
    if (!extensionAlive()) life.end('extension gone');
    return !life.ended;
  };
  const ask = async (current: Lifetime) => {
    if (!alive() || current.ended) return;
    askedText = textSize(document);
    const signals = await pageSignalsInSlices(document, () => !current.ended && !life.ended);
    if (!signals || !alive()) return;
    askPage(signals).catch(() => undefined);
  };
  /** Text that arrives or grows after the question: ask again (bounded) unless an overlay is on it. */
  const watchGrowth = (current: Lifetime) => {
    watchContent(current, GROWTH, async () => {
      if (!alive() || overlayPresent()) return;
      if (grewFrom(askedText, textSize(document))) await ask(current);
    });
  };
  const newPageView = () => {
    view.end('navigated');
    view = createLifetime();
    return view;
  };

  life.onEnd(() => view.end('extension gone'));
  void ask(view);
  watchGrowth(view);

  watchNavigation(life, () => {
    if (!alive()) return;
    const current = newPageView();
    // Let the new page render first: ask once its changes pause (the navigation counts as one).
    watchContent(current, SETTLE, () => ask(current).then(() => watchGrowth(current))).poke();
  });

  const unwatch = watchSettings((settings) => {
    if (alive() && !overlayPresent() && shownOn(settings, location.href)) void ask(view);
  });
  life.onEnd(() => quietly(unwatch));
  // The datasets changed (one added, switched on...): ask again unless an overlay runs (the background re-runs those).
  const unwatchCatalog = watchCatalogVersion(() => {
    if (alive() && !overlayPresent()) void ask(view);
  });
  life.onEnd(() => quietly(unwatchCatalog));
}

/** Runs `cleanup`, ignoring a throw (an orphaned script's extension APIs may be gone). */
export function quietly(cleanup: () => void): void {
  try {
    cleanup();
  } catch {
    // nothing left to clean up
  }
}
