/** The Chromium tables: with the extension vs without, per page group, and the extension's long tasks. */
import type { Calibration, PageRuns } from './chromium';
import type { PageKind } from './pages';
import { median, ms, quantile, table } from './stats';

/** Which demo pages the lookup matched. */
function demoKinds(items: readonly { id: string; kind: PageKind }[]): string {
  const ids = (kind: PageKind) => [...new Set(items.filter((i) => i.kind === kind).map((i) => i.id.replace(/^demo\//, '')))].join(', ');
  return `Demo pages the background says "maybe" to (matched by URL, copy or a similar claim): ${ids('demo-matched')}; no known dispute (heavy half forced in the stage tables): ${ids('demo-unmatched')}.`;
}

export interface Pair {
  page: string;
  kind: PageKind;
  withExt: PageRuns['withExt'][number];
  without: PageRuns['without'][number];
}

export function pairs(runs: PageRuns[]): Pair[] {
  return runs.flatMap((r) =>
    r.withExt
      .map((w, i) => ({ page: r.id, kind: r.kind, withExt: w, without: r.without[i]! }))
      .filter((p) => p.without && !p.withExt.error && !p.without.error && p.withExt.trace.found && p.without.trace.found),
  );
}

const CHROMIUM_GROUPS: { label: string; kinds: PageKind[] }[] = [
  { label: 'corpus pages (no known dispute)', kinds: ['corpus'] },
  { label: 'demo pages with no known dispute', kinds: ['demo-unmatched'] },
  { label: 'demo pages matched ("maybe")', kinds: ['demo-matched'] },
  { label: '5,000-word matched (NYT padded)', kinds: ['long-matched'] },
];

export function chromiumTables(runs: PageRuns[], calibration?: Calibration): string {
  const all = pairs(runs);
  const rows = CHROMIUM_GROUPS.map((group) => {
    const list = all.filter((p) => group.kinds.includes(p.kind));
    const pagesIn = new Set(list.map((p) => p.page)).size;
    const script = list.map((p) => p.withExt.scriptMs - p.without.scriptMs);
    const task = list.map((p) => p.withExt.taskMs - p.without.taskMs);
    const tagged = list.map((p) => p.withExt.trace.extTaggedMs);
    const extTasks = list.map((p) => p.withExt.trace.extTaskMs);
    const extCpu = list.map((p) => p.withExt.trace.extTaskCpuMs);
    const longWith = list.reduce((n, p) => n + p.withExt.trace.longTasks.length, 0);
    const longWithout = list.reduce((n, p) => n + p.without.trace.longTasks.length, 0);
    const extLong = list.flatMap((p) => p.withExt.trace.longTasks.filter((t) => t.ext).map((t) => t.ms));
    const biggest = list.map((p) => Math.max(0, ...(p.withExt.trace.extTasks ?? []).map((t) => t.cpuMs)));
    const parseCpu = list.flatMap((p) => [p.withExt.trace.parseHtmlCpuMs, p.without.trace.parseHtmlCpuMs]);
    const overlay = list.filter((p) => p.withExt.trace.overlay).length;
    const badges = list.map((p) => p.withExt.badges);
    return [
      group.label,
      `${pagesIn} × ${list.length / Math.max(1, pagesIn)}`,
      ms(median(extCpu)),
      ms(quantile(extCpu, 0.95)),
      ms(median(extTasks)),
      ms(quantile(extTasks, 0.95)),
      ms(median(tagged)),
      ms(median(script)),
      ms(quantile(script, 0.95)),
      ms(median(task)),
      `${longWith} / ${longWithout}`,
      extLong.length ? `${extLong.length}, max ${ms(Math.max(...extLong))}` : '0',
      biggest.length ? `${ms(median(biggest))}, max ${ms(Math.max(...biggest))}` : '–',
      parseCpu.length ? `${ms(median(parseCpu))} (${ms(Math.min(...parseCpu))}–${ms(Math.max(...parseCpu))})` : '–',
      `${overlay}/${list.length}`,
      badges.length ? String(median(badges)) : '–',
    ];
  });
  const longTasks = all.flatMap((p) => p.withExt.trace.longTasks.filter((t) => t.ext).map((t) => [p.page, ms(t.ms), ms(t.cpuMs), t.readability ? 'yes' : 'no', t.what]));
  const failed = runs.flatMap((r) => [...r.withExt, ...r.without].filter((m) => m.error || !m.trace.found).map((m) => `${r.id}: ${m.error ?? 'page not found in trace'}`));
  return [
    'Chromium, with Counterpoint vs without (an inert extension), interleaved rounds (ms per page load, paired by round; headless, 2 cores, noisy)',
    '',
    table(['pages', 'pages × rounds', 'ext tasks CPU median', 'p95', 'ext tasks wall median', 'p95', 'ext script events (wall) median', 'script Δ median', 'p95', 'task Δ median', 'long tasks with / without', 'ext long tasks', 'biggest ext task CPU median', 'HTML parse CPU median (range)', 'overlay ran', 'badges'], rows),
    '',
    "ext tasks: main-thread tasks (from the trace) that ran the extension's code, whole (style and layout they forced included; on the demo",
    "pages, which run no script of their own, every script task after the extension's first). CPU: the main thread's own time in them,",
    'the figure the goals are judged by; wall: their duration, which also counts time the thread was not running (waiting for one of',
    "the two shared cores, or for other threads). ext script events: time inside trace events tagged with the extension's scripts.",
    'script Δ: CDP Performance.getMetrics ScriptDuration, with minus without. It misses script run in promise continuations (see the',
    "calibration line), which is where the overlay does its work after each await, so it under-counts the extension. task Δ: TaskDuration,",
    'with minus without (varies by tens of ms from run to run). long tasks: tasks over 50 ms, all loads. overlay ran: overlay.js (Readability',
    "and anchoring) was evaluated. biggest ext task CPU: the CPU time of each load's biggest extension task (long tasks are judged by",
    'wall time, which on a loaded machine is several times the CPU time). HTML parse CPU: the CPU time of parsing the same pages, with',
    'and without the extension: the same work on every load, so its spread is how much the machine\'s speed varied during the run.',
    ...(calibration ? ['', `Calibration: ${calibration.busyMs} ms of page script run directly reads as ScriptDuration +${ms(calibration.direct)} ms; run after an await, +${ms(calibration.afterAwait)} ms.`] : []),
    '',
    demoKinds(runs),
    ...(longTasks.length ? ['', "The extension's long tasks (all rounds):", '', table(['page', 'wall ms', 'CPU ms', 'Readability task', 'busy with (wall ms)'], longTasks)] : []),
    ...(failed.length ? ['', `failed loads: ${failed.length}: ${[...new Set(failed)].slice(0, 5).join('; ')}`] : []),
  ].join('\n');
}

