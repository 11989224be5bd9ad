import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { OptionsPage, type DatasetSummary } from '../../components/OptionsPage';
import { datasetCounts } from '../../lib/core/dataset/summary';
import type { Settings } from '../../lib/core/settings';
import { builtinDatasets } from '../../lib/platform/catalog-cache';
import { getSettings, updateSettings, watchSettings } from '../../lib/platform/settings';
import './style.css';

const datasets: DatasetSummary[] = builtinDatasets().map((d) => ({
  ...d.dataset,
  ...datasetCounts(d),
  origin: 'built in',
  outlets: d.outlets.map((o) => ({ id: o.id, name: o.name })),
  builtIn: true,
}));

function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void getSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  if (!settings) return null;
  return <OptionsPage settings={settings} datasets={datasets} onChange={(next) => void updateSettings(() => next)} />;
}

render(<App />, document.getElementById('app')!);
