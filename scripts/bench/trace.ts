/**
 * A Chromium trace of one page load, read for what the extension did on the page's main thread:
 * its scripts (events tagged with a chrome-extension:// URL), the tasks that ran them, and every
 * long task (over 50 ms) with what it was busy with.
 */
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, µs: wall time less the time the thread was descheduled. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string }; beginData?: { url?: string } };
}

export const LONG_TASK_MS = 50;
// v8.execute gives RunMicrotasks its own event: without it a task that only ran promise continuations
// (the overlay's reply handling: anchoring; its rendering after a yield) shows no script event at all
// and was not counted as the extension's.
const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'];

export async function startTrace(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' }, transferMode: 'ReturnAsStream' });
}

/** Ends the trace and reads it back (the events stay in the browser until the load is measured). */
export async function endTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (event) => resolve(event.stream ?? '')));
  await cdp.send('Tracing.end');
  const handle = await complete;
  const chunks: string[] = [];
  for (;;) {
    const read = await cdp.send('IO.read', { handle, size: 1 << 20 });
    chunks.push(read.base64Encoded ? Buffer.from(read.data, 'base64').toString('utf8') : read.data);
    if (read.eof) break;
  }
  await cdp.send('IO.close', { handle });
  const parsed = JSON.parse(chunks.join('')) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

export interface TaskSummary {
  ms: number;
  /** The task's thread (CPU) time. */
  cpuMs: number;
  /** Ran the extension's code (an event with its URL, or, on a page with no script of its own, any script). */
  ext: boolean;
  /** The task of the overlay's idle callback, which runs Readability. */
  readability: boolean;
  /** What it was busy with: its largest inner events. */
  what: string;
}

export interface TraceSummary {
  found: boolean;
  /** Sum of the page main thread's tasks from the navigation on. */
  taskMs: number;
  /** Time inside events tagged with the extension's scripts (evaluation, compilation, calls into them). */
  extTaggedMs: number;
  /** Sum of the tasks that ran the extension's code (see TaskSummary.ext), wall time and thread (CPU) time. */
  extTaskMs: number;
  extTaskCpuMs: number;
  scripts: string[];
  /** overlay.js was evaluated: the heavy half (Readability) ran or was about to. */
  overlay: boolean;
  longTasks: TaskSummary[];
  /**
   * CPU time of parsing the page's HTML (ParseHTML events): the same work on every load of a page,
   * with or without the extension, so its spread shows how fast the machine was at the time.
   */
  parseHtmlCpuMs: number;
  /** The extension's tasks of 1 ms CPU or more, in order: ms after the navigation, and their CPU time. */
  extTasks: { at: number; ts: number; dur: number; cpuMs: number; what: string }[];
}

const JS_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'RunMicrotasks', 'RunYieldContinuation', 'FireIdleCallback', 'TimerFire', 'FireAnimationFrame', 'v8.compile']);
const urlOf = (e: TraceEvent) => e.args?.data?.url ?? e.args?.beginData?.url ?? '';
const end = (e: TraceEvent) => e.ts + (e.dur ?? 0);

/**
 * `pageHasScripts`: whether the page runs scripts of its own; when it does not, every task running
 * script after the extension's first is counted as the extension's (its promise continuations carry no URL).
 */
export function summariseTrace(events: readonly TraceEvent[], pageUrl: string, pageHasScripts: boolean): TraceSummary {
  const host = new URL(pageUrl).host;
  const rendererThreads = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const parse = events.find((e) => e.name === 'ParseHTML' && rendererThreads.has(`${e.pid}:${e.tid}`) && safeHost(urlOf(e)) === host);
  const empty: TraceSummary = { found: false, taskMs: NaN, extTaggedMs: NaN, extTaskMs: NaN, extTaskCpuMs: NaN, scripts: [], overlay: false, longTasks: [], extTasks: [], parseHtmlCpuMs: NaN };
  if (!parse) return empty;
  const thread = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const navigation = thread.find((e) => e.name === 'CommitLoad' && safeHost(urlOf(e)) === host)?.ts ?? parse.ts;
  const tasks = thread.filter((e) => e.name === 'RunTask' && e.ts >= navigation);
  const isExt = (e: TraceEvent) => urlOf(e).startsWith('chrome-extension://');
  const tagged = thread.filter((e) => isExt(e) && e.ts >= navigation);
  // Outermost tagged events only, so nested calls are not counted twice.
  let extTaggedMs = 0;
  let coveredTo = -Infinity;
  for (const e of tagged) {
    if (e.ts >= coveredTo) {
      extTaggedMs += (e.dur ?? 0) / 1000;
      coveredTo = end(e);
    } else if (end(e) > coveredTo) {
      extTaggedMs += (end(e) - coveredTo) / 1000;
      coveredTo = end(e);
    }
  }
  const firstExt = tagged[0]?.ts ?? Infinity;
  const overlayAt = tagged.find((e) => urlOf(e).endsWith('/overlay.js'))?.ts ?? Infinity;
  let readabilityFound = false;
  let taskMs = 0;
  let extTaskMs = 0;
  let extTaskCpuMs = 0;
  const longTasks: TaskSummary[] = [];
  const extTasks: TraceSummary['extTasks'] = [];
  let cursor = 0;
  for (const task of tasks) {
    taskMs += (task.dur ?? 0) / 1000;
    while (cursor < thread.length && thread[cursor]!.ts < task.ts) cursor++;
    const inner: TraceEvent[] = [];
    for (let i = cursor; i < thread.length && thread[i]!.ts <= end(task); i++) if (thread[i] !== task && end(thread[i]!) <= end(task)) inner.push(thread[i]!);
    const runsScript = inner.some((e) => JS_EVENTS.has(e.name));
    const ext = inner.some(isExt) || (!pageHasScripts && runsScript && task.ts >= firstExt);
    const readability = !readabilityFound && task.ts > overlayAt && inner.some((e) => e.name === 'FireIdleCallback');
    if (readability) readabilityFound = true;
    const ms = (task.dur ?? 0) / 1000;
    const cpuMs = (task.tdur ?? task.dur ?? 0) / 1000;
    if (ext) {
      extTaskMs += ms;
      extTaskCpuMs += cpuMs;
      if (cpuMs >= 1) extTasks.push({ at: Math.round((task.ts - navigation) / 1000), ts: task.ts, dur: task.dur ?? 0, cpuMs, what: describe(inner, ms) });
    }
    if (ms > LONG_TASK_MS) longTasks.push({ ms, cpuMs, ext, readability, what: describe(inner, ms) });
  }
  const scripts = [...new Set(tagged.map((e) => urlOf(e).split('/').pop() ?? ''))].sort();
  const parseHtmlCpuMs = thread.filter((e) => e.name === 'ParseHTML' && e.ts >= navigation).reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0) / 1000, 0);
  return { found: true, taskMs, extTaggedMs, extTaskMs, extTaskCpuMs, scripts, overlay: overlayAt < Infinity, longTasks, extTasks, parseHtmlCpuMs };
}

/** The task's biggest inner events that are not just wrappers of the task itself. */
function describe(inner: readonly TraceEvent[], ms: number): string {
  const wrappers = new Set(['ThreadControllerImpl::RunTask', 'Receive mojo message', 'BlinkScheduler_PerformMicrotaskCheckpoint', 'SimpleWatcher::OnHandleReady']);
  const parts = inner
    .filter((e) => !wrappers.has(e.name) && (e.dur ?? 0) / 1000 >= Math.max(2, ms * 0.1))
    .slice(0, 4)
    .map((e) => {
      const url = urlOf(e);
      const file = url.startsWith('chrome-extension://') ? ` ${url.split('/').pop()}` : '';
      return `${e.name}${file} ${((e.dur ?? 0) / 1000).toFixed(0)}`;
    });
  return parts.join(', ');
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}
