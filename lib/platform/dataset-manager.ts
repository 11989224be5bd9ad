/**
 * The options page's state and actions: the settings and datasets as storage holds them (watched,
 * so every open copy of the page stays current), the long task in progress, and the outcome of the
 * last action for the live region. The page's components get this as props.
 */
import { browser } from 'wxt/browser';
import { FORMAT_NAMES } from '../core/dataset/import';
import type { OutletName } from '../core/dataset/summary';
import type { Settings } from '../core/settings';
import type { OptionsToBackground, UrlReply } from '../messaging/options-protocol';
import type { DatasetRecord, Schedule } from './dataset-records';
import { announceDatasetsChanged, datasetOutlets, datasetText, listDatasets, removeDataset, setSchedule, watchDatasets } from './datasets-store';
import type { ImportJobMessage, ImportStage } from './import-job';
import { getSettings, updateSettings, watchSettings } from './settings';

export interface Job {
  label: string;
  stage: string;
  fraction: number | null;
}

export interface Status {
  tone: 'ok' | 'error' | 'info';
  text: string;
  lines: string[];
}

export interface ManagerState {
  settings: Settings | null;
  datasets: DatasetRecord[];
  job: Job | null;
  status: Status | null;
}

const STAGES: Record<ImportStage, string> = { reading: 'reading the file', checking: 'checking every entry', storing: 'storing' };
const toggled = (list: string[], item: string, on: boolean) => (on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item));
const plural = (n: number, noun: string) => `${n.toLocaleString('en-GB')} ${noun}${n === 1 ? '' : 's'}`;

function sendToBackground(message: OptionsToBackground): Promise<UrlReply> {
  return browser.runtime.sendMessage(message) as Promise<UrlReply>;
}

export class DatasetManager {
  state: ManagerState = { settings: null, datasets: [], job: null, status: null };
  private listeners = new Set<(state: ManagerState) => void>();

  /** `makeWorker` starts the import worker; without one, files are imported on the page itself. */
  constructor(private readonly makeWorker: (() => Worker) | null) {}

  subscribe(listener: (state: ManagerState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<ManagerState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }

  /** Loads and watches storage; returns the function that stops watching. */
  start(): () => void {
    const reloadDatasets = () => listDatasets().then((datasets) => this.set({ datasets }));
    void getSettings().then((settings) => this.set({ settings }));
    void reloadDatasets();
    const stopSettings = watchSettings((settings) => this.set({ settings }));
    const stopDatasets = watchDatasets(() => void reloadDatasets());
    return () => {
      stopSettings();
      stopDatasets();
    };
  }

  private title(id: string): string {
    return this.state.datasets.find((d) => d.id === id)?.title ?? id;
  }

  /**
   * Shows the change at once and stores it. Without the first step, any redraw before storage
   * answers would put a switch the user just flipped back where it was.
   */
  private changeSettingsWith(change: (settings: Settings) => Settings, status: Status | null = this.state.status): void {
    if (this.state.settings) this.set({ settings: change(this.state.settings), status });
    void updateSettings(change);
  }

  setEnabled(id: string, on: boolean): void {
    this.changeSettingsWith((s) => ({ ...s, disabledDatasets: toggled(s.disabledDatasets, id, !on) }), {
      tone: 'info',
      text: `${this.title(id)} is ${on ? 'on' : 'off'}. Open tabs follow.`,
      lines: [],
    });
  }

  setMuted(outletId: string, muted: boolean): void {
    this.changeSettingsWith((s) => ({ ...s, mutedOutlets: toggled(s.mutedOutlets, outletId, muted) }));
  }

  changeSettings(next: Settings): void {
    this.changeSettingsWith(() => next);
  }

  loadOutlets(id: string): Promise<OutletName[]> {
    return datasetOutlets(id);
  }

  async importFiles(files: File[]): Promise<void> {
    if (this.state.job) return;
    const outcomes: Status[] = [];
    for (const file of files) {
      const label = `Importing ${file.name}`;
      this.set({ job: { label, stage: STAGES.reading, fraction: 0 }, status: null });
      const done = await this.runJob(file, (stage, fraction) => this.set({ job: { label, stage: STAGES[stage], fraction } }));
      outcomes.push(this.describeImport(file.name, done));
      if (done.ok) await announceDatasetsChanged();
    }
    this.set({ job: null, status: mergeOutcomes(outcomes) });
  }

  private describeImport(name: string, done: Extract<ImportJobMessage, { type: 'done' }>): Status {
    if (!done.ok) {
      return { tone: 'error', text: `Could not import ${name}: ${plural(done.lines.length, 'problem')}. Nothing was changed.`, lines: done.lines };
    }
    const what = done.previousVersion !== null ? `Updated “${done.title}” (version ${done.previousVersion} → ${done.version})` : `Imported “${done.title}”`;
    const converted = done.format === 'counterpoint' ? '' : ` Converted from ${FORMAT_NAMES[done.format]}; what it assumed is listed below.`;
    return { tone: 'ok', text: `${what} from ${name}: ${plural(done.claims, 'claim')}.${converted}`, lines: done.assumptions };
  }

  private startWorker(): Worker | null {
    try {
      return this.makeWorker?.() ?? null;
    } catch {
      return null;
    }
  }

  private runJob(file: File, progress: (stage: ImportStage, fraction: number | null) => void): Promise<Extract<ImportJobMessage, { type: 'done' }>> {
    return new Promise((resolve) => {
      const onMessage = (message: ImportJobMessage) => {
        if (message.type === 'progress') progress(message.stage, message.fraction);
        else resolve(message);
      };
      const worker = this.startWorker();
      if (!worker) {
        void import('./import-job').then(({ runImportJob }) => runImportJob(file, onMessage));
        return;
      }
      const running = worker;
      running.onmessage = (event: MessageEvent<ImportJobMessage>) => {
        onMessage(event.data);
        if (event.data.type === 'done') running.terminate();
      };
      running.onerror = (event) => {
        running.terminate();
        resolve({ type: 'done', ok: false, lines: [`${file.name}: $: could not be imported (${event.message || 'the import worker failed'}); nothing was changed`] });
      };
      running.postMessage({ file });
    });
  }

  async addUrl(url: string, schedule: Schedule): Promise<boolean> {
    if (this.state.job) return false;
    this.set({ job: { label: `Adding ${url.trim()}`, stage: 'fetching and checking', fraction: null }, status: null });
    const reply = await sendToBackground({ type: 'add-url', url, schedule }).catch(
      (error: unknown): UrlReply => ({ ok: false, lines: [`${url}: could not ask the extension's background (${String(error)})`] }),
    );
    this.set({ job: null, status: this.describeUrl(url, reply, 'add') });
    return reply.ok;
  }

  async refresh(id: string): Promise<void> {
    if (this.state.job) return;
    const title = this.title(id);
    this.set({ job: { label: `Refreshing ${title}`, stage: 'fetching and checking', fraction: null }, status: null });
    const reply = await sendToBackground({ type: 'refresh', id }).catch((error: unknown): UrlReply => ({ ok: false, lines: [`${id}: ${String(error)}`] }));
    this.set({ job: null, status: this.describeUrl(title, reply, 'refresh') });
  }

  private describeUrl(source: string, reply: UrlReply, action: 'add' | 'refresh'): Status {
    if (!reply.ok) {
      const kept = action === 'add' ? 'Nothing was changed.' : 'The last good copy is kept.';
      return { tone: 'error', text: `Could not ${action === 'add' ? 'add' : 'refresh'} ${source}: ${plural(reply.lines.length, 'problem')}. ${kept}`, lines: reply.lines };
    }
    const verb = action === 'refresh' ? 'Refreshed' : reply.replaced ? 'Updated' : 'Added';
    return { tone: 'ok', text: `${verb} “${reply.title}”.`, lines: [] };
  }

  async changeSchedule(id: string, schedule: Schedule): Promise<void> {
    await setSchedule(id, schedule);
    this.set({ status: { tone: 'info', text: `${this.title(id)}: checked for updates ${schedule === 'off' ? 'only when you ask' : schedule}.`, lines: [] } });
  }

  async remove(id: string): Promise<void> {
    const title = this.title(id);
    const removed = await removeDataset(id);
    this.set({ status: removed ? { tone: 'ok', text: `Removed “${title}”.`, lines: [] } : { tone: 'error', text: `“${title}” cannot be removed.`, lines: [] } });
  }

  /** Downloads the dataset as a JSON file. */
  async exportDataset(id: string): Promise<void> {
    const text = await datasetText(id);
    if (text === null) {
      this.set({ status: { tone: 'error', text: `“${this.title(id)}” is not stored any more.`, lines: [] } });
      return;
    }
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${id}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    this.set({ status: { tone: 'ok', text: `Exported “${this.title(id)}” as ${id}.json.`, lines: [] } });
  }
}

/** One status for several files: errors first, every line kept. */
function mergeOutcomes(outcomes: Status[]): Status | null {
  if (outcomes.length <= 1) return outcomes[0] ?? null;
  const failed = outcomes.filter((o) => o.tone === 'error');
  return {
    tone: failed.length ? 'error' : 'ok',
    text: outcomes.map((o) => o.text).join(' '),
    lines: outcomes.flatMap((o) => o.lines),
  };
}
