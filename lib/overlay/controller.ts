/**
 * The overlay's run on one page view: find the article, ask the background for its notes, anchor
 * them, and show them while the settings say so. Torn down with its context: on a newer injection,
 * on single-page navigation, or when the extension goes away.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { shownOn, type Settings } from '../core/settings';
import { findNotes } from '../dom/find-notes';
import { askNotes, reportCount } from '../platform/messages';
import { OVERLAY_FLAG } from '../platform/page-watch';
import { getSettings, watchSettings } from '../platform/settings';
import { mountOverlayView } from './view';

const idle = (ctx: ContentScriptContext) =>
  new Promise<void>((resolve) => {
    if (typeof requestIdleCallback === 'function') ctx.requestIdleCallback(() => resolve(), { timeout: 1500 });
    else ctx.setTimeout(resolve, 0);
  });

export async function runOverlay(ctx: ContentScriptContext): Promise<void> {
  const shared = globalThis as Record<symbol, unknown>;
  shared[OVERLAY_FLAG] = true;
  ctx.onInvalidated(() => {
    shared[OVERLAY_FLAG] = false;
    reportCount(0).catch(() => undefined);
  });
  const startUrl = location.href.split('#')[0];
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    if (location.href.split('#')[0] !== startUrl) ctx.abort('navigated');
  });

  await idle(ctx);
  if (ctx.isInvalid) return;
  const { article, anchoring } = await findNotes(document, askNotes);
  if (ctx.isInvalid || !article) return;
  if (anchoring.placed.length === 0 && anchoring.unplaced.length === 0) return;

  const view = await mountOverlayView(ctx, article, anchoring);
  const apply = (settings: Settings) => {
    if (ctx.isInvalid) return;
    const shown = shownOn(settings, location.href);
    if (shown) view.show();
    else view.hide();
    reportCount(shown ? anchoring.placed.length : 0).catch(() => undefined);
  };
  apply(await getSettings());
  ctx.onInvalidated(watchSettings(apply));
}
