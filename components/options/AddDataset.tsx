/**
 * Adding datasets: import files (a picker, or drop them on the area) and add one from an address.
 * The address is fetched only when the user presses "Add", and then on the chosen schedule.
 */
import { useState } from 'preact/hooks';
import { SCHEDULE_LABELS } from './format';
import type { AddActions, Schedule } from './types';

export function AddDataset({ busy, onImportFiles, onAddUrl }: AddActions & { busy: boolean }) {
  const [over, setOver] = useState(false);
  const [url, setUrl] = useState('');
  const [schedule, setSchedule] = useState<Schedule>('weekly');
  const [adding, setAdding] = useState(false);

  const take = (list: FileList | null | undefined) => {
    const files = list ? [...list] : [];
    if (files.length) onImportFiles(files);
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    setAdding(true);
    try {
      if (await onAddUrl(url, schedule)) setUrl('');
    } finally {
      setAdding(false);
    }
  };

  return (
    <section aria-labelledby="add-heading" class="add">
      <h2 id="add-heading">Add a dataset</h2>
      <div
        class={`dropzone${over ? ' over' : ''}`}
        onDragEnter={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragOver={(e) => {
          e.preventDefault();
          if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          if (!busy) take(e.dataTransfer?.files);
        }}
      >
        <label for="import-file">Import a dataset file (Counterpoint, schema.org ClaimReview or W3C Web Annotation JSON)</label>
        <input
          id="import-file"
          type="file"
          accept=".json,.jsonld,application/json,application/ld+json"
          multiple
          disabled={busy}
          onChange={(e) => {
            take(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
        <p class="muted" aria-hidden="true">
          or drop files here
        </p>
      </div>
      <form class="url-form" onSubmit={(e) => void submit(e)}>
        <label for="dataset-url">Add from an address</label>
        <input id="dataset-url" type="url" inputMode="url" placeholder="https://example.org/disputes.json" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
        <label for="dataset-schedule">Check for updates</label>
        <select id="dataset-schedule" value={schedule} onChange={(e) => setSchedule(e.currentTarget.value as Schedule)}>
          {(Object.keys(SCHEDULE_LABELS) as Schedule[]).map((value) => (
            <option key={value} value={value}>
              {SCHEDULE_LABELS[value]}
            </option>
          ))}
        </select>
        <button type="submit" disabled={busy || adding}>
          {adding ? 'Adding…' : 'Add'}
        </button>
        <p class="muted hint">Counterpoint fetches this address now and on the schedule you choose, and no other: it is the only network traffic it makes.</p>
      </form>
    </section>
  );
}
