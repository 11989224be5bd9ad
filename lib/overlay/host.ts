/**
 * Counterpoint's one element in a page: <counterpoint-overlay>, the last child of <html>, holding an
 * open shadow root. Its styles are a constructed stylesheet adopted by the shadow root (no <style>
 * element, so no page Content-Security-Policy can block it), with a <style> fallback where adopting
 * is not possible. A page that removes or moves the host gets it back a bounded number of times, with
 * growing delays; after that Counterpoint gives up on the page view rather than fight it.
 */
import { OVERLAY_HOST_TAG } from '../dom/text-map';
import type { Lifetime } from './lifetime';

/** Re-attachments allowed per page view, and the delay before each (ms). */
export const REATTACH_DELAYS = [0, 250, 1000] as const;

export interface OverlayHost {
  readonly element: HTMLElement;
  /** Where UI renders, inside the shadow root. */
  readonly container: HTMLElement;
  /** True once the page has removed the host more often than REATTACH_DELAYS allows. */
  readonly gaveUp: boolean;
  mount(): void;
  unmount(): void;
}

function adoptStyles(shadow: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
    if (shadow.adoptedStyleSheets.length === 1) return;
  } catch {
    // Constructed stylesheets unavailable here (or not adoptable across worlds): fall back below.
  }
  const style = document.createElement('style');
  style.textContent = css;
  shadow.append(style);
}

export function createOverlayHost(life: Lifetime, css: string, onGiveUp: () => void): OverlayHost {
  const element = document.createElement(OVERLAY_HOST_TAG);
  const shadow = element.attachShadow({ mode: 'open' });
  adoptStyles(shadow, css);
  const container = document.createElement('div');
  shadow.append(container);

  let wanted = false;
  let gaveUp = false;
  let reattached = 0;
  let pending = false;
  const attached = () => element.parentNode === document.documentElement && element === document.documentElement.lastElementChild;
  const attach = () => {
    if (!attached()) document.documentElement.append(element);
  };
  const watcher = new MutationObserver(() => {
    if (!wanted || gaveUp || pending || element.parentNode === document.documentElement) return;
    const delay = REATTACH_DELAYS[reattached];
    if (delay === undefined) {
      gaveUp = true;
      watcher.disconnect();
      element.remove();
      onGiveUp();
      return;
    }
    reattached += 1;
    pending = true;
    life.later(() => {
      pending = false;
      if (wanted && !gaveUp) attach();
    }, delay);
  });
  const unmount = () => {
    wanted = false;
    watcher.disconnect();
    element.remove();
  };
  life.onEnd(unmount);

  return {
    element,
    container,
    get gaveUp() {
      return gaveUp;
    },
    mount() {
      if (gaveUp || life.ended) return;
      wanted = true;
      attach();
      // Only <html>'s own children: removal or moving of the host, nothing inside the page.
      watcher.observe(document.documentElement, { childList: true });
    },
    unmount,
  };
}
