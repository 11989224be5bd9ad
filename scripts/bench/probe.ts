/**
 * Bundled into a Chromium page by the benchmark (never shipped): the pipeline stages of
 * stage-run.ts on the live document, then the overlay's rendering through lib/overlay/view.tsx
 * (the shadow-root host, highlights, badge layout, the Preact overlay), each timed.
 */
import { Catalog } from '../../lib/core/catalog';
import { validateDataset } from '../../lib/core/dataset/parse';
import type { Lifetime } from '../../lib/overlay/lifetime';
import { mountOverlayView } from '../../lib/overlay/view';
import builtinSeed from '../../lib/core/dataset/builtin/seed.json';
import { forcedNotes, runStages, type StageOutcome } from './stage-run';

export interface ProbeResult extends StageOutcome {
  badges: number;
}

/** A lifetime like lib/overlay/lifetime.ts's (which needs the extension APIs, absent in a page). */
function pageLifetime(): Lifetime {
  const controller = new AbortController();
  return {
    signal: controller.signal,
    get ended() {
      return controller.signal.aborted;
    },
    end: (reason) => controller.abort(reason),
    onEnd: (callback) => controller.signal.addEventListener('abort', () => callback(), { once: true }),
    later: (callback, ms) => void setTimeout(() => controller.signal.aborted || callback(), ms),
  };
}

function run(forced: boolean): ProbeResult {
  const result = validateDataset(builtinSeed);
  if (!result.ok) throw new Error('the built-in dataset is invalid');
  const catalog = new Catalog([result.dataset]);
  const { outcome, anchoring, article } = runStages(document, catalog, forced ? forcedNotes(catalog) : null);
  let badges = 0;
  if (!forced && article && anchoring.placed.length) {
    const start = performance.now();
    const view = mountOverlayView(pageLifetime(), { article, anchoring }, () => undefined);
    view.show();
    // Style and layout of what was rendered, as the next frame would do them.
    const root = document.querySelector('counterpoint-overlay')?.shadowRoot;
    badges = root?.querySelectorAll('.cp-badge').length ?? 0;
    void root?.querySelector('.cp-badge')?.getBoundingClientRect();
    outcome.times.render = performance.now() - start;
  }
  return { ...outcome, badges };
}

(globalThis as Record<string, unknown>).__counterpointBench = { run };
