/** The stage tables: every pipeline stage per page group, in Node (happy-dom) and in Chromium (the probe). */
import type { ProbeRun } from './chromium';
import type { PageKind } from './pages';
import { STAGES, type StageName, type StageOutcome } from './stage-run';
import type { PageStages } from './stages-node';
import { median, ms, quantile, table } from './stats';

const STAGE_HEADERS = ['stage', 'corpus median', 'p95', 'max', 'demo matched median', 'p95', 'demo no dispute median', '5,000-word median'];

/** Rows of stage timings: median, p95, max on the corpus; median, p95 on the matched demo pages; medians on the others. */
function stageTable(samples: (kinds: PageKind[], stage: StageName | 'parse') => number[], stages: (StageName | 'parse')[], labels: Record<string, string>): string {
  const rows = stages.map((stage) => {
    const [corpus, matched, unmatched, long] = (['corpus', 'demo-matched', 'demo-unmatched', 'long-matched'] as const).map((kind) => samples([kind], stage));
    const at = (values: number[], q: number) => (values.length ? ms(quantile(values, q)) : '–');
    const mid = (values: number[]) => (values.length ? ms(median(values)) : '–');
    return [labels[stage] ?? stage, mid(corpus!), at(corpus!, 0.95), corpus!.length ? ms(Math.max(...corpus!)) : '–', mid(matched!), at(matched!, 0.95), mid(unmatched!), mid(long!)];
  });
  return table(STAGE_HEADERS, rows);
}

const timesOf = (outcome: StageOutcome, stage: StageName) => outcome.times[stage];

export function nodeStageTable(runs: readonly Omit<PageStages, 'page' | 'signals'>[]): string {
  const samples = (kinds: PageKind[], stage: StageName | 'parse') =>
    runs
      .filter((r) => kinds.includes(r.kind))
      .flatMap((r) => (stage === 'parse' ? r.parse : r.runs.map((o) => timesOf(o, stage))))
      .filter((v): v is number => typeof v === 'number');
  const counts = count(runs.map((r) => ({ id: r.id, kind: r.kind, n: r.runs.length })));
  const stages = ['parse', ...(Object.keys(STAGES) as StageName[]).filter((s) => s !== 'render')] as (StageName | 'parse')[];
  return [
    `Stages in Node + happy-dom (ms; happy-dom is several times slower than a browser, and the JIT is warm across pages, unlike a browser tab; corpus: ${counts.corpus}, heavy half forced with the 8 notes of both seed articles (also on demo pages with no known dispute); demo: ${counts.demo}; 5,000-word: ${counts.long})`,
    '',
    stageTable(samples, stages, { ...STAGES, parse: 'HTML parse into happy-dom (the browser does this; not an extension stage)' }),
    '',
    '· rows: the parts of the row above, re-run right after it (warmer), so they add up to less than it. Rendering needs layout and the',
    'CSS Custom Highlight API, which happy-dom lacks: see the Chromium table.',
  ].join('\n');
}

export function probeTable(runs: ProbeRun[]): string {
  const ok = runs.filter((r) => r.result);
  const samples = (kinds: PageKind[], stage: StageName | 'parse') =>
    ok
      .filter((r) => kinds.includes(r.kind))
      .map((r) => (stage === 'parse' ? undefined : timesOf(r.result!, stage)))
      .filter((v): v is number => typeof v === 'number');
  const counts = count(ok.map((r) => ({ id: r.id, kind: r.kind, n: 1 })));
  const failed = runs.filter((r) => !r.result).map((r) => `${r.id}: ${r.error}`);
  return [
    `Stages in Chromium, inside the page (ms; each page in a fresh tab with the code evaluated cold, as the extension's scripts are on every page view; corpus: ${counts.corpus}; demo: ${counts.demo}; 5,000-word: ${counts.long})`,
    '',
    stageTable(samples, Object.keys(STAGES) as StageName[], STAGES),
    '',
    '· rows: the parts of the row above, re-run right after it (warm), so they add up to less than it: the gap is the cost of running',
    'that code cold. Rendering: matched pages only (corpus pages get no placed note to render).',
    ...(failed.length ? ['', `probe failed on ${failed.length} page(s): ${failed.join('; ')}`] : []),
  ].join('\n');
}

/** "130 pages, 130 runs" per group. */
export function count(items: { id: string; kind: PageKind; n: number }[]): Record<'corpus' | 'demo' | 'long', string> {
  const of = (kinds: PageKind[]) => {
    const list = items.filter((i) => kinds.includes(i.kind));
    return `${new Set(list.map((i) => i.id)).size} pages, ${list.reduce((n, i) => n + i.n, 0)} runs`;
  };
  return { corpus: of(['corpus']), demo: `matched ${of(['demo-matched'])}, no dispute ${of(['demo-unmatched'])}`, long: of(['long-matched']) };
}

