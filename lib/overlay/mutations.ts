/**
 * A scoped, debounced watch on the page's content: one MutationObserver on <body> (Counterpoint's
 * host hangs off <html>, and its shadow tree is never observed), whose callback only arms a timer.
 * `onSettled` runs once changes pause for `quietMs`, or `maxWaitMs` after the first change of a
 * burst that never pauses, and at most `maxRuns` times in all; then the watch stops by itself.
 * `worthIt` lets the caller ignore changes too small to matter, so they arm no timer at all.
 */
import { OVERLAY_HOST_TAG } from '../dom/text-map';
import type { Lifetime } from './lifetime';

export interface SettleOptions {
  quietMs: number;
  maxWaitMs: number;
  /** Least time between two runs; doubles after each run (backoff). */
  spacingMs: number;
  maxRuns: number;
  /** Whether a batch of changes (outside Counterpoint's host) is worth a run; default: any is. */
  worthIt?: (records: readonly MutationRecord[]) => boolean;
}

export interface MutationWatch {
  /** Runs so far. */
  readonly runs: number;
  /** Counts as a change (e.g. a navigation): a run follows after the next quiet period. */
  poke(): void;
  stop(): void;
}

const isOwn = (node: Node): boolean => {
  for (let current: Node | null = node; current; current = current.parentNode) {
    if (current.nodeName === OVERLAY_HOST_TAG.toUpperCase()) return true;
  }
  return false;
};

/** Watches `root` (default: document.body) for content changes; `onSettled` may be async. */
export function watchContent(life: Lifetime, options: SettleOptions, onSettled: () => unknown, root: Node | null = document.body): MutationWatch {
  let runs = 0;
  let spacing = options.spacingMs;
  let lastRun = 0;
  let firstChange = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let stopped = false;

  const stop = () => {
    stopped = true;
    observer?.disconnect();
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const fire = async () => {
    timer = undefined;
    firstChange = 0;
    if (stopped || life.ended) return;
    if (running) return arm();
    const wait = lastRun + spacing - Date.now();
    if (wait > 0) {
      timer = setTimeout(() => void fire(), wait);
      return;
    }
    runs += 1;
    lastRun = Date.now();
    spacing *= 2;
    running = true;
    try {
      await onSettled();
    } finally {
      running = false;
    }
    if (runs >= options.maxRuns) stop();
  };
  const arm = () => {
    if (stopped || life.ended) return;
    const now = Date.now();
    if (!firstChange) firstChange = now;
    if (timer !== undefined) clearTimeout(timer);
    const due = Math.min(options.quietMs, Math.max(0, firstChange + options.maxWaitMs - now));
    timer = setTimeout(() => void fire(), due);
  };
  const observer = root
    ? new MutationObserver((records) => {
        if (records.every((record) => isOwn(record.target))) return;
        if (options.worthIt && !options.worthIt(records)) return;
        arm();
      })
    : null;
  observer?.observe(root!, { childList: true, subtree: true, characterData: true });
  life.onEnd(stop);
  return {
    get runs() {
      return runs;
    },
    poke: arm,
    stop,
  };
}
