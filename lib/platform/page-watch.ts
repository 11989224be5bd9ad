/**
 * The always-on part: one cheap question to the background per page view, with the page's URLs and
 * visible text (the background hashes it). It asks again after a single-page navigation (once the
 * new page has settled; not after a hash change), when notes are turned on or the datasets change,
 * and, a bounded number of times, when the page's text grows a lot after load (an article that
 * arrives late). It asks whether or not notes are on for the page (the background decides what
 * follows): reading the settings would need the storage API, whose set-up alone costs every page
 * about half a millisecond, more than walking an ordinary page; the background tells it instead
 * when notes are turned on or the datasets change. While an overlay runs on the page, the overlay
 * watches instead. Never runs Readability; stops for good when the extension goes away. Imports
 * stay light: this runs on every page.
 */
import { HIDDEN_TEXT_TAGS } from '../dom/page-signals';
import { isAskAgain } from '../messaging/to-content';
import { createLifetime, type Lifetime } from '../overlay/lifetime';
import { watchContent } from '../overlay/mutations';
import { watchNavigation } from '../overlay/navigation';
import { pageTextInSlices, visibleTextInSlices } from '../overlay/signals';
import { askPage } from './messages';
import { extensionAlive, onExtensionMessage } from './native';

export const OVERLAY_FLAG = Symbol.for('counterpoint.overlay');
/** The always-on script running in this world (content scripts' own world: pages cannot reach it). */
const RUNNING = Symbol.for('counterpoint.always-on');

interface Running {
  alive(): boolean;
  end(): void;
}

/** Re-asking while the text grows: checks per page view and their pacing (see watchContent). */
export const GROWTH = { quietMs: 500, maxWaitMs: 3000, spacingMs: 500, maxRuns: 8 };
/** After a navigation: wait for this much quiet (at most MAX) before asking. */
const SETTLE = { quietMs: 300, maxWaitMs: 2000, spacingMs: 0, maxRuns: 1 };

const shared = globalThis as Record<symbol, unknown>;
const overlayPresent = () => shared[OVERLAY_FLAG] === true;

/** A significant change of the page's amount of text since it was last sent. */
const significant = (before: number) => Math.max(300, before * 0.25);
const grewFrom = (before: number, now: number) => Math.abs(now - before) > significant(before);

/** Characters of text in `nodes` (added or removed), counted natively; scripts and styles count none. */
function textIn(nodes: NodeList): number {
  let chars = 0;
  for (const node of nodes) {
    if (node.nodeType === 3 /* TEXT_NODE */) chars += (node as Text).data.length;
    else if (node.nodeType === 1 /* ELEMENT_NODE */ && !HIDDEN_TEXT_TAGS.has(node.nodeName)) chars += node.textContent?.length ?? 0;
  }
  return chars;
}

/** Characters of text the records added, removed or rewrote: at least how much the page's text length moved. */
function textChanged(records: readonly MutationRecord[]): number {
  let chars = 0;
  for (const record of records) {
    chars += record.type === 'characterData' ? ((record.target as Text).data?.length ?? 0) : textIn(record.addedNodes) + textIn(record.removedNodes);
  }
  return chars;
}

export function watchPage(): void {
  if (window.top !== window) return;
  // Injected again into a page that already runs a live copy (after an update, see inject.ts): keep that one.
  const previous = shared[RUNNING] as Running | undefined;
  if (previous?.alive()) return;
  previous?.end();

  const life = createLifetime();
  let view: Lifetime = createLifetime();
  let askedText = 0;
  /** Text changed since the last walk began: the page is walked again only once this could be growth. */
  let changedText = 0;
  shared[RUNNING] = { alive: () => !life.ended && extensionAlive(), end: () => life.end('replaced') } satisfies Running;

  const alive = () => {
    if (!extensionAlive()) life.end('extension gone');
    return !life.ended;
  };
  const ask = async (current: Lifetime) => {
    if (!alive() || current.ended) return;
    changedText = 0;
    const page = await pageTextInSlices(document, () => !current.ended && !life.ended);
    if (!page || !alive()) return;
    // The walk's own length is the baseline for growth: no second pass over the page's text.
    askedText = page.text.length;
    askPage(page).catch(() => undefined);
  };
  /**
   * Text that arrives or grows after the question: ask again (bounded) unless an overlay is on it.
   * Changes are first counted from the mutation records: re-walking the page after every burst of a
   * page's own small updates (a clock, an ad) cost more than the first walk. The page's length can
   * move by no more than the text changed, so no growth is missed.
   */
  const worthIt = (records: readonly MutationRecord[]) => {
    changedText += textChanged(records);
    return changedText > significant(askedText);
  };
  const watchGrowth = (current: Lifetime) => {
    watchContent(current, { ...GROWTH, worthIt }, async () => {
      if (!alive() || overlayPresent()) return;
      const now = document.body ? await visibleTextInSlices(document.body, () => !current.ended && alive()) : '';
      if (now !== null && grewFrom(askedText, now.length)) await ask(current);
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

  // Notes turned on for the page, or the datasets changed (lib/platform/background.ts): ask again,
  // unless an overlay runs (it follows the settings itself, and the background re-runs it).
  const unwatch = onExtensionMessage((message) => {
    if (isAskAgain(message) && alive() && !overlayPresent()) void ask(view);
  });
  life.onEnd(() => quietly(unwatch));
}

/** Runs `cleanup`, ignoring a throw (an orphaned script's extension APIs may be gone). */
export function quietly(cleanup: () => void): void {
  try {
    cleanup();
  } catch {
    // nothing left to clean up
  }
}
