/**
 * "Don't show notes from this outlet", per outlet of a dataset. The list is loaded when opened
 * (a dataset can name thousands of outlets), with a filter once it is long.
 */
import { useEffect, useState } from 'preact/hooks';
import type { OutletView } from './types';

const SHOWN = 200;

export interface OutletMutesProps {
  datasetId: string;
  title: string;
  outletCount: number;
  muted: readonly string[];
  loadOutlets: (id: string) => Promise<OutletView[]>;
  onMute: (outletId: string, muted: boolean) => void;
}

export function OutletMutes({ datasetId, title, outletCount, muted, loadOutlets, onMute }: OutletMutesProps) {
  const [open, setOpen] = useState(false);
  const [outlets, setOutlets] = useState<OutletView[] | null>(null);
  const [filter, setFilter] = useState('');
  useEffect(() => {
    if (!open || outlets) return;
    let live = true;
    loadOutlets(datasetId).then(
      (list) => live && setOutlets(list),
      () => live && setOutlets([]),
    );
    return () => {
      live = false;
    };
  }, [open, outlets, datasetId, loadOutlets]);

  const needle = filter.trim().toLowerCase();
  const matching = outlets?.filter((o) => !needle || o.name.toLowerCase().includes(needle) || o.id.toLowerCase().includes(needle)) ?? [];
  const mutedHere = outlets?.filter((o) => muted.includes(o.id)).length ?? 0;
  return (
    <details class="outlets" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Outlets{mutedHere > 0 ? ` (${mutedHere} muted)` : ''}
      </summary>
      {!outlets ? (
        open && <p class="muted">Loading outlets…</p>
      ) : (
        <>
          {outletCount > 20 && (
            <p>
              <label>
                Find an outlet of {title}{' '}
                <input type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
              </label>
            </p>
          )}
          <ul>
            {matching.slice(0, SHOWN).map((outlet) => (
              <li key={outlet.id}>
                <label>
                  <input type="checkbox" checked={muted.includes(outlet.id)} onChange={(e) => onMute(outlet.id, e.currentTarget.checked)} />
                  Don’t show notes from {outlet.name}
                </label>
              </li>
            ))}
          </ul>
          {matching.length > SHOWN && <p class="muted">{matching.length - SHOWN} more; type part of a name to find one.</p>}
        </>
      )}
    </details>
  );
}
