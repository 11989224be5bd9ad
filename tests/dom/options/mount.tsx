/** Rendering the options page with plain data and recording callbacks, for the DOM tests. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { OptionsPage, type OptionsPageProps } from '../../../components/OptionsPage';
import type { DatasetView } from '../../../components/options/types';
import { DEFAULT_SETTINGS } from '../../../lib/core/settings';
import { builtinRecords } from '../../../lib/platform/builtin';

/** The built-in dataset's card as the background lists it (so the two cannot drift apart). */
export const builtin: DatasetView = builtinRecords()[0]!;

export const fromFile: DatasetView = {
  ...builtin,
  id: 'harbour-bridge-2024',
  title: 'Harbour bridge repairs',
  publisher: 'Counterpoint tests',
  version: '2.1',
  description: null,
  counts: { disputes: 1200, claims: 100_000, outlets: 1 },
  origin: { kind: 'file', name: 'harbour.json' },
  added: Date.UTC(2024, 4, 20, 12),
  refreshed: Date.UTC(2024, 4, 20, 12),
};

export const fromUrl: DatasetView = {
  ...fromFile,
  id: 'river-ferry',
  title: 'River ferry fares',
  origin: { kind: 'url', url: 'https://datasets.example/river.json' },
  schedule: 'weekly',
  format: 'claimreview',
  assumptions: ['every review is taken to dispute the claim it reviews'],
};

export function actions() {
  return {
    onChange: vi.fn(),
    onImportFiles: vi.fn(),
    onAddUrl: vi.fn(async () => true),
    onToggle: vi.fn(),
    onMute: vi.fn(),
    onRemove: vi.fn(),
    onExport: vi.fn(),
    onRefresh: vi.fn(),
    onSchedule: vi.fn(),
    loadOutlets: vi.fn(async () => [
      { id: 'harbour-gazette', name: 'Harbour Gazette' },
      { id: 'coast-observer', name: 'Coast Observer' },
    ]),
  };
}

export type Actions = ReturnType<typeof actions>;

let container: HTMLElement | null = null;

export async function mountOptions(props: Partial<OptionsPageProps> = {}): Promise<{ root: HTMLElement; calls: Actions; rerender: (next: Partial<OptionsPageProps>) => Promise<void> }> {
  container = document.createElement('div');
  document.body.append(container);
  const calls = actions();
  let current: OptionsPageProps = { settings: { ...DEFAULT_SETTINGS }, datasets: [builtin, fromFile], job: null, status: null, ...calls, ...props };
  const root = container;
  await act(() => render(<OptionsPage {...current} />, root));
  return {
    root,
    calls,
    rerender: async (next) => {
      current = { ...current, ...next };
      await act(() => render(<OptionsPage {...current} />, root));
    },
  };
}

export async function unmountOptions(): Promise<void> {
  if (!container) return;
  const root = container;
  await act(() => render(null, root));
  root.remove();
  container = null;
}

export const card = (root: HTMLElement, id: string) => {
  const found = root.querySelector<HTMLElement>(`[data-dataset-id="${id}"]`);
  if (!found) throw new Error(`no card for ${id}`);
  return found;
};

export const buttons = (element: HTMLElement, name: string) => [...element.querySelectorAll('button')].filter((b) => b.textContent?.trim() === name);

export async function act$(fn: () => void | Promise<void>): Promise<void> {
  await act(fn);
}
