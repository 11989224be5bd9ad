/**
 * Bundled into a Chromium page by the benchmark (never shipped): the pipeline stages of
 * stage-run.ts on the live document, then the overlay's rendering as lib/overlay/view.tsx does it
 * (highlights, badge layout from one batch of reads, the Preact overlay in a shadow root), each timed.
 */
import { h, render } from 'preact';
import { Overlay, type PlacedNote } from '../../components/Overlay';
import { OVERLAY_CSS } from '../../components/overlay.css';
import { Catalog } from '../../lib/core/catalog';
import { validateDataset } from '../../lib/core/dataset/parse';
import { Highlighter } from '../../lib/dom/highlight';
import { layoutBadges } from '../../lib/dom/layout';
import { OVERLAY_HOST_TAG } from '../../lib/dom/text-map';
import { pageTheme } from '../../lib/dom/theme';
import builtinSeed from '../../lib/core/dataset/builtin/seed.json';
import { forcedNotes, runStages, type StageOutcome } from './stage-run';

export interface ProbeResult extends StageOutcome {
  badges: number;
}

function run(forced: boolean): ProbeResult {
  const result = validateDataset(builtinSeed);
  if (!result.ok) throw new Error('the built-in dataset is invalid');
  const catalog = new Catalog([result.dataset]);
  const { outcome, anchoring, article } = runStages(document, catalog, forced ? forcedNotes(catalog) : null);
  let badges = 0;
  if (!forced && article && anchoring.placed.length) {
    const start = performance.now();
    const host = document.createElement(OVERLAY_HOST_TAG);
    host.style.cssText = 'all: initial; display: block; position: absolute; top: 0; left: 0; width: 0; height: 0; overflow: visible; z-index: 2147483646;';
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = OVERLAY_CSS;
    const container = document.createElement('div');
    shadow.append(style, container);
    document.documentElement.append(host);
    const theme = pageTheme(document);
    const ranges = anchoring.placed.map((p) => p.range);
    new Highlighter(document).show(ranges);
    const positions = layoutBadges(ranges, host, document.documentElement.clientWidth);
    const placed: PlacedNote[] = [];
    anchoring.placed.forEach((p, i) => {
      const position = positions[i];
      if (position) placed.push({ note: p.note, passage: p.passage, top: position.top, left: position.left });
    });
    render(h(Overlay, { article, placed, unplaced: anchoring.unplaced, theme }), container);
    // Style and layout of what was rendered, as the next frame would do them.
    badges = shadow.querySelectorAll('.cp-badge').length;
    void (shadow.querySelector('.cp-badge') as HTMLElement | null)?.getBoundingClientRect();
    outcome.times.render = performance.now() - start;
  }
  return { ...outcome, badges };
}

(globalThis as Record<string, unknown>).__counterpointBench = { run };
