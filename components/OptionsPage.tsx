/**
 * The settings page: notes on or off, the sites where they are off, and the dataset manager
 * (add, list, switch, mute, export, remove). Props in, markup out; the entrypoint wires it to storage.
 */
import { useRef } from 'preact/hooks';
import type { Settings } from '../lib/core/settings';
import { AddDataset } from './options/AddDataset';
import { DatasetCard } from './options/DatasetCard';
import { StatusRegion } from './options/StatusRegion';
import type { AddActions, DatasetActions, DatasetView, JobView, StatusView } from './options/types';

export type { DatasetView } from './options/types';

export interface OptionsPageProps extends DatasetActions, AddActions {
  settings: Settings;
  datasets: DatasetView[];
  job: JobView | null;
  status: StatusView | null;
  onChange: (next: Settings) => void;
}

const without = (list: string[], item: string) => list.filter((x) => x !== item);

export function OptionsPage(props: OptionsPageProps) {
  const { settings, datasets, job, status, onChange } = props;
  const busy = job !== null;
  const datasetsHeading = useRef<HTMLHeadingElement>(null);
  // The removed dataset's card takes the focused button with it: the focus goes to the list's heading.
  const remove = (id: string) => {
    props.onRemove(id);
    datasetsHeading.current?.focus();
  };
  return (
    <main class="options">
      <h1>Counterpoint</h1>
      <section aria-labelledby="overlay-heading">
        <h2 id="overlay-heading">Notes on pages</h2>
        <label class="switch">
          <input type="checkbox" checked={settings.enabled} onChange={(e) => onChange({ ...settings, enabled: e.currentTarget.checked })} />
          Show notes on news articles (the toolbar button and Alt+Shift+D do the same)
        </label>
        <h3>Sites where notes are off</h3>
        {settings.disabledSites.length === 0 ? (
          <p class="muted">None. Use “Turn off on this site” in the toolbar button’s menu.</p>
        ) : (
          <ul>
            {settings.disabledSites.map((site) => (
              <li key={site}>
                {site}{' '}
                <button type="button" onClick={() => onChange({ ...settings, disabledSites: without(settings.disabledSites, site) })}>
                  Turn back on
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <AddDataset busy={busy} onImportFiles={props.onImportFiles} onAddUrl={props.onAddUrl} />
      <StatusRegion job={job} status={status} />
      <section aria-labelledby="datasets-heading">
        <h2 id="datasets-heading" tabIndex={-1} ref={datasetsHeading}>
          Datasets
        </h2>
        {datasets.map((dataset) => (
          <DatasetCard
            key={dataset.id}
            dataset={dataset}
            enabled={!settings.disabledDatasets.includes(dataset.id)}
            muted={settings.mutedOutlets}
            busy={busy}
            onToggle={props.onToggle}
            onMute={props.onMute}
            onRemove={remove}
            onExport={props.onExport}
            onRefresh={props.onRefresh}
            onSchedule={props.onSchedule}
            loadOutlets={props.loadOutlets}
          />
        ))}
      </section>
    </main>
  );
}
