/**
 * How long a content script's work lives: one lifetime per page view, ended only by things a web
 * page cannot fake. WXT's context is not used for this: it ends when any script dispatches a DOM
 * event under its name (built from the extension's public id), so a page could switch the notes off.
 * Here a run ends when a newer run replaces it (through a global of the content scripts' own world,
 * which pages cannot reach), when the page navigates, or when the extension is reloaded, updated or
 * removed (its runtime id is gone; any call into the extension would then throw).
 */
import { extensionAlive } from '../platform/native';

export { extensionAlive };

export interface Lifetime {
  /** Aborted when the lifetime ends; made on first use (see createLifetime). */
  readonly signal: AbortSignal;
  readonly ended: boolean;
  end(reason: string): void;
  onEnd(callback: () => void): void;
  /** setTimeout, cleared when the lifetime ends. */
  later(callback: () => void, ms: number): void;
}

/**
 * A plain list of callbacks rather than an AbortController: the always-on script makes a lifetime
 * on every page view, and the first AbortController of a content script's world costs that page
 * more than the rest of its set-up (its bindings are built on first use). The signal, for
 * addEventListener, is made only when someone asks for it (the overlay).
 */
export function createLifetime(): Lifetime {
  let ended = false;
  let why = '';
  let controller: AbortController | undefined;
  const callbacks: (() => void)[] = [];
  const life: Lifetime = {
    get signal() {
      if (!controller) {
        controller = new AbortController();
        if (ended) controller.abort(why);
      }
      return controller.signal;
    },
    get ended() {
      return ended;
    },
    end(reason) {
      if (ended) return;
      ended = true;
      why = reason;
      controller?.abort(reason);
      for (const callback of callbacks.splice(0)) {
        try {
          callback();
        } catch (error) {
          // As an event listener's throw would be: reported, and the other callbacks still run.
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    },
    onEnd(callback) {
      if (ended) callback();
      else callbacks.push(callback);
    },
    later(callback, ms) {
      if (ended) return;
      const id = setTimeout(() => {
        if (!ended) callback();
      }, ms);
      life.onEnd(() => clearTimeout(id));
    },
  };
  return life;
}

/**
 * Ends `life` once the extension is gone: checked every `everyMs` and whenever the page becomes
 * visible or focused, so orphaned notes leave a tab within about a second of a reload.
 */
export function endWhenOrphaned(life: Lifetime, everyMs = 1000): void {
  const check = () => {
    if (!extensionAlive()) life.end('extension gone');
  };
  const id = setInterval(check, everyMs);
  life.onEnd(() => clearInterval(id));
  for (const type of ['visibilitychange', 'focus', 'pageshow'] as const) addEventListener(type, check, { signal: life.signal });
}

/** Lets the page run between slices of work. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
