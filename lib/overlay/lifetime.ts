/**
 * How long a content script's work lives: one AbortSignal per page view, ended only by things a web
 * page cannot fake. WXT's context is not used for this: it ends when any script dispatches a DOM
 * event under its name (built from the extension's public id), so a page could switch the notes off.
 * Here a run ends when a newer run replaces it (through a global of the content scripts' own world,
 * which pages cannot reach), when the page navigates, or when the extension is reloaded, updated or
 * removed (its runtime id is gone; any call into the extension would then throw).
 */
import { extensionAlive } from '../platform/native';

export { extensionAlive };

export interface Lifetime {
  readonly signal: AbortSignal;
  readonly ended: boolean;
  end(reason: string): void;
  onEnd(callback: () => void): void;
  /** setTimeout, cleared when the lifetime ends. */
  later(callback: () => void, ms: number): void;
}

export function createLifetime(): Lifetime {
  const controller = new AbortController();
  return {
    signal: controller.signal,
    get ended() {
      return controller.signal.aborted;
    },
    end(reason) {
      if (!controller.signal.aborted) controller.abort(reason);
    },
    onEnd(callback) {
      if (controller.signal.aborted) callback();
      else controller.signal.addEventListener('abort', () => callback(), { once: true });
    },
    later(callback, ms) {
      if (controller.signal.aborted) return;
      const id = setTimeout(() => {
        if (!controller.signal.aborted) callback();
      }, ms);
      controller.signal.addEventListener('abort', () => clearTimeout(id), { once: true });
    },
  };
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
