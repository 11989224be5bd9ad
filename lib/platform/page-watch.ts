/**
 * The always-on part: one cheap question to the background per page view. It asks again after a
 * single-page navigation (not after a hash change) and when notes are turned on, so a page opened
 * while they were off gets them without a reload.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { shownOn } from '../core/settings';
import { collectSignals } from '../dom/page-signals';
import { askPage } from './messages';
import { watchSettings } from './settings';

export const OVERLAY_FLAG = Symbol.for('counterpoint.overlay');

const withoutHash = (url: string) => url.split('#')[0];

export function watchPage(ctx: ContentScriptContext): void {
  let asked = withoutHash(location.href);
  const ask = () => {
    if (ctx.isInvalid) return;
    askPage(collectSignals(document)).catch(() => undefined);
  };
  ask();
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    const now = withoutHash(location.href);
    if (now === asked) return;
    asked = now;
    ask();
  });
  const stop = watchSettings((settings) => {
    const overlayPresent = (globalThis as Record<symbol, unknown>)[OVERLAY_FLAG] === true;
    if (!overlayPresent && shownOn(settings, location.href)) ask();
  });
  ctx.onInvalidated(stop);
}
