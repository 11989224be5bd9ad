/** What the dataset manager's components are given: plain data in, callbacks out. */
import type { DatasetSummary, OutletName } from '../../lib/core/dataset/summary';

export type Schedule = 'off' | 'daily' | 'weekly';

export type OriginView = { kind: 'builtin' } | { kind: 'file'; name: string } | { kind: 'url'; url: string };

export interface DatasetView extends DatasetSummary {
  format: 'counterpoint' | 'claimreview' | 'webannotation';
  assumptions: string[];
  origin: OriginView;
  /** ms since the epoch; 0 for the built-in dataset. */
  added: number;
  refreshed: number;
  schedule: Schedule;
  lastError: { at: number; lines: string[] } | null;
}

export type OutletView = OutletName;

/** A long task in progress: its label, and how far it is (0 to 1), or null when that is not known. */
export interface JobView {
  label: string;
  stage: string;
  fraction: number | null;
}

/** The outcome of the last action, for the live region: a sentence, and the lines of every problem. */
export interface StatusView {
  tone: 'ok' | 'error' | 'info';
  text: string;
  lines: string[];
}

export interface DatasetActions {
  onToggle(id: string, on: boolean): void;
  onMute(outletId: string, muted: boolean): void;
  onRemove(id: string): void;
  onExport(id: string): void;
  onRefresh(id: string): void;
  onSchedule(id: string, schedule: Schedule): void;
  loadOutlets(id: string): Promise<OutletView[]>;
}

export interface AddActions {
  onImportFiles(files: File[]): void;
  /** Resolves true when the dataset was added (the form then clears). */
  onAddUrl(url: string, schedule: Schedule): Promise<boolean>;
}
