/** One installed dataset: what it is, where it came from, its switch, and what can be done with it. */
import { count, FORMAT_LABELS, formatMoment, originText, SCHEDULE_LABELS } from './format';
import { OutletMutes } from './OutletMutes';
import { RemoveButton } from './RemoveButton';
import { ProblemList } from './StatusRegion';
import type { DatasetActions, DatasetView, Schedule } from './types';

export interface DatasetCardProps extends DatasetActions {
  dataset: DatasetView;
  enabled: boolean;
  muted: readonly string[];
  busy: boolean;
}

export function DatasetCard(props: DatasetCardProps) {
  const { dataset, enabled, muted, busy } = props;
  const { id, origin } = dataset;
  const headingId = `dataset-${id}-title`;
  const fromUrl = origin.kind === 'url';
  return (
    <article class={`dataset${enabled ? '' : ' off'}`} data-dataset-id={id} aria-labelledby={headingId}>
      <div class="dataset-head">
        <h3 id={headingId}>{dataset.title}</h3>
        <label class="switch">
          <input type="checkbox" checked={enabled} onChange={(e) => props.onToggle(id, e.currentTarget.checked)} aria-label={`Use ${dataset.title}`} />
          {enabled ? 'On' : 'Off'}
        </label>
      </div>
      <p class="muted">
        {dataset.publisher} · version {dataset.version} · updated {dataset.updated} · licence {dataset.licence}
      </p>
      <p class="counts">
        {count(dataset.counts.disputes, 'dispute')}, {count(dataset.counts.claims, 'claim')}, {count(dataset.counts.outlets, 'outlet')}
      </p>
      {dataset.description && <p class="description">{dataset.description}</p>}
      <p class="origin">
        {originText(origin)}
        {origin.kind !== 'builtin' && dataset.added > 0 && <> · added {formatMoment(dataset.added)}</>}
        {fromUrl && dataset.refreshed > 0 && <> · last fetched {formatMoment(dataset.refreshed)}</>}
        {dataset.format !== 'counterpoint' && <> · converted from {FORMAT_LABELS[dataset.format]}</>}
      </p>
      {dataset.assumptions.length > 0 && (
        <details class="assumptions">
          <summary>What the conversion assumed ({dataset.assumptions.length})</summary>
          <ProblemList lines={dataset.assumptions} label="Assumptions" />
        </details>
      )}
      {dataset.lastError && (
        <div class="refresh-error" role="note">
          <p>
            The last refresh, {formatMoment(dataset.lastError.at)}, failed; the copy from {formatMoment(dataset.refreshed)} is still in use.
          </p>
          <ProblemList lines={dataset.lastError.lines} label="Problems of the last refresh" />
        </div>
      )}
      <div class="actions">
        {fromUrl && (
          <>
            <label>
              Check for updates{' '}
              <select value={dataset.schedule} aria-label={`Check ${dataset.title} for updates`} onChange={(e) => props.onSchedule(id, e.currentTarget.value as Schedule)}>
                {(Object.keys(SCHEDULE_LABELS) as Schedule[]).map((value) => (
                  <option key={value} value={value}>
                    {SCHEDULE_LABELS[value]}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" disabled={busy} onClick={() => props.onRefresh(id)}>
              Refresh now
            </button>
          </>
        )}
        <button type="button" onClick={() => props.onExport(id)} aria-describedby={headingId}>
          Export
        </button>
        {origin.kind === 'builtin' ? (
          <span class="muted">Built in: it can be switched off, not removed.</span>
        ) : (
          <RemoveButton title={dataset.title} onRemove={() => props.onRemove(id)} />
        )}
      </div>
      <OutletMutes datasetId={id} title={dataset.title} outletCount={dataset.counts.outlets} muted={muted} loadOutlets={props.loadOutlets} onMute={props.onMute} />
    </article>
  );
}
