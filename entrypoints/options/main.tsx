import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { OptionsPage } from '../../components/OptionsPage';
import { DatasetManager, type ManagerState } from '../../lib/platform/dataset-manager';
import './style.css';

// Files are read and checked in a worker, so a 100,000-claim import never blocks the page.
const manager = new DatasetManager(() => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' }));

function App() {
  const [state, setState] = useState<ManagerState>(manager.state);
  useEffect(() => {
    const unsubscribe = manager.subscribe(setState);
    const stop = manager.start();
    return () => {
      unsubscribe();
      stop();
    };
  }, []);
  if (!state.settings) return null;
  return (
    <OptionsPage
      settings={state.settings}
      datasets={state.datasets}
      job={state.job}
      status={state.status}
      onChange={(next) => manager.changeSettings(next)}
      onImportFiles={(files) => void manager.importFiles(files)}
      onAddUrl={(url, schedule) => manager.addUrl(url, schedule)}
      onToggle={(id, on) => manager.setEnabled(id, on)}
      onMute={(outletId, muted) => manager.setMuted(outletId, muted)}
      onRemove={(id) => void manager.remove(id)}
      onExport={(id) => void manager.exportDataset(id)}
      onRefresh={(id) => void manager.refresh(id)}
      onSchedule={(id, schedule) => void manager.changeSchedule(id, schedule)}
      loadOutlets={(id) => manager.loadOutlets(id)}
    />
  );
}

// A file dropped beside the drop area must not replace the page.
for (const type of ['dragover', 'drop']) window.addEventListener(type, (event) => event.preventDefault());

render(<App />, document.getElementById('app')!);
