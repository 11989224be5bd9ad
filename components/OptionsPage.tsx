/**
 * The settings page: the overlay switch, the sites where it is off, and the installed datasets.
 * Props in, markup out; the entrypoint wires it to storage.
 */
import type { Settings } from '../lib/core/settings';

export interface DatasetSummary {
  id: string;
  title: string;
  publisher: string;
  version: string;
  updated: string;
  origin: string;
  disputes: number;
  claims: number;
  outlets: { id: string; name: string }[];
  builtIn: boolean;
}

export interface OptionsPageProps {
  settings: Settings;
  datasets: DatasetSummary[];
  onChange: (next: Settings) => void;
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const without = (list: string[], item: string) => list.filter((x) => x !== item);
const toggled = (list: string[], item: string, on: boolean) => (on ? [...without(list, item), item] : without(list, item));

export function OptionsPage({ settings, datasets, onChange }: OptionsPageProps) {
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
      <section aria-labelledby="datasets-heading">
        <h2 id="datasets-heading">Datasets</h2>
        {datasets.map((dataset) => {
          const enabled = !settings.disabledDatasets.includes(dataset.id);
          return (
            <article class="dataset" key={dataset.id} data-dataset-id={dataset.id}>
              <h3>{dataset.title}</h3>
              <p class="muted">
                {dataset.publisher} · version {dataset.version} · updated {dataset.updated} · {dataset.origin}
              </p>
              <p>
                {count(dataset.disputes, 'dispute')}, {count(dataset.claims, 'claim')}, {count(dataset.outlets.length, 'outlet')}
              </p>
              <label class="switch">
                <input type="checkbox" checked={enabled} onChange={(e) => onChange({ ...settings, disabledDatasets: toggled(settings.disabledDatasets, dataset.id, !e.currentTarget.checked) })} />
                On
              </label>
              <details>
                <summary>Outlets</summary>
                <ul>
                  {dataset.outlets.map((outlet) => (
                    <li key={outlet.id}>
                      <label>
                        <input
                          type="checkbox"
                          checked={settings.mutedOutlets.includes(outlet.id)}
                          onChange={(e) => onChange({ ...settings, mutedOutlets: toggled(settings.mutedOutlets, outlet.id, e.currentTarget.checked) })}
                        />
                        Don’t show notes from {outlet.name}
                      </label>
                    </li>
                  ))}
                </ul>
              </details>
            </article>
          );
        })}
      </section>
    </main>
  );
}
