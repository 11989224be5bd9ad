// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act$, buttons, builtin, card, fromFile, fromUrl, mountOptions, unmountOptions } from './mount';

afterEach(unmountOptions);

describe('the dataset list', () => {
  it('shows each dataset: title, publisher, version, counts, origin, last update and an on/off switch', async () => {
    const { root } = await mountOptions({ datasets: [builtin, fromFile, fromUrl] });
    expect([...root.querySelectorAll('[data-dataset-id]')].map((n) => n.getAttribute('data-dataset-id'))).toEqual(['counterpoint-seed', 'harbour-bridge-2024', 'river-ferry']);
    const seed = card(root, 'counterpoint-seed');
    expect(seed.querySelector('h3')?.textContent).toBe('Counterpoint seed: the 2015 "pledge" report');
    expect(seed.textContent).toContain('1 dispute, 4 claims, 2 outlets');
    expect(seed.textContent).toContain('Counterpoint · version 1.0.0 · updated 2026-11-29');
    expect(seed.textContent).toContain('Built in');
    const file = card(root, 'harbour-bridge-2024');
    expect(file.textContent).toContain('1,200 disputes, 100,000 claims, 1 outlet');
    expect(file.textContent).toContain('Imported from the file harbour.json · added 20 May 2024');
    const url = card(root, 'river-ferry');
    expect(url.textContent).toContain('Added from https://datasets.example/river.json');
    expect(url.textContent).toContain('last fetched 20 May 2024');
    expect(url.textContent).toContain('converted from schema.org ClaimReview');
    expect(url.querySelector<HTMLSelectElement>('select[aria-label="Check River ferry fares for updates"]')?.value).toBe('weekly');
    const toggle = seed.querySelector<HTMLInputElement>('input[type="checkbox"][aria-label^="Use "]');
    expect(toggle?.checked).toBe(true);
    expect(toggle?.getAttribute('aria-label')).toBe('Use Counterpoint seed: the 2015 "pledge" report');
  });

  it('shows a dataset switched off in the settings as off, and reports the switch', async () => {
    const { root, calls } = await mountOptions({ settings: { enabled: true, disabledSites: [], mutedOutlets: [], disabledDatasets: ['harbour-bridge-2024'] } });
    const toggle = card(root, 'harbour-bridge-2024').querySelector<HTMLInputElement>('input[aria-label="Use Harbour bridge repairs"]')!;
    expect(toggle.checked).toBe(false);
    expect(card(root, 'harbour-bridge-2024').classList.contains('off')).toBe(true);
    await act$(() => toggle.click());
    expect(calls.onToggle).toHaveBeenCalledWith('harbour-bridge-2024', true);
  });

  it('lets the built-in dataset be exported and switched off, but never removed', async () => {
    const { root, calls } = await mountOptions();
    const seed = card(root, 'counterpoint-seed');
    expect(buttons(seed, 'Remove…')).toHaveLength(0);
    expect(seed.textContent).toContain('it can be switched off, not removed');
    expect(buttons(card(root, 'harbour-bridge-2024'), 'Remove…')).toHaveLength(1);
    await act$(() => buttons(seed, 'Export')[0]!.click());
    expect(calls.onExport).toHaveBeenCalledWith('counterpoint-seed');
  });

  it('asks before removing, with the focus on the confirmation, and gives the focus back on "Keep"', async () => {
    const { root, calls } = await mountOptions();
    const file = card(root, 'harbour-bridge-2024');
    await act$(() => buttons(file, 'Remove…')[0]!.click());
    const confirm = buttons(file, 'Remove')[0]!;
    expect(file.textContent).toContain('Remove “Harbour bridge repairs” and its notes?');
    expect(document.activeElement).toBe(confirm);
    await act$(() => buttons(file, 'Keep')[0]!.click());
    expect(calls.onRemove).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(buttons(file, 'Remove…')[0]);
    await act$(() => buttons(file, 'Remove…')[0]!.click());
    await act$(() => buttons(file, 'Remove')[0]!.click());
    expect(calls.onRemove).toHaveBeenCalledWith('harbour-bridge-2024');
    expect(document.activeElement).toBe(root.querySelector('#datasets-heading'));
  });

  it('offers refresh and a schedule only for datasets from an address', async () => {
    const { root, calls } = await mountOptions({ datasets: [builtin, fromFile, fromUrl] });
    expect(buttons(card(root, 'harbour-bridge-2024'), 'Refresh now')).toHaveLength(0);
    const url = card(root, 'river-ferry');
    await act$(() => buttons(url, 'Refresh now')[0]!.click());
    expect(calls.onRefresh).toHaveBeenCalledWith('river-ferry');
    const select = url.querySelector('select')!;
    await act$(() => {
      select.value = 'daily';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(calls.onSchedule).toHaveBeenCalledWith('river-ferry', 'daily');
  });

  it('shows the error of the last failed refresh and says the last good copy is still used', async () => {
    const failed = { ...fromUrl, lastError: { at: Date.UTC(2024, 4, 21, 9), lines: ['https://datasets.example/river.json: the server answered 503 Service Unavailable'] } };
    const { root } = await mountOptions({ datasets: [builtin, failed] });
    const error = card(root, 'river-ferry').querySelector('.refresh-error')!;
    expect(error.textContent).toContain('failed; the copy from 20 May 2024');
    expect([...error.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['https://datasets.example/river.json: the server answered 503 Service Unavailable']);
  });

  it('loads the outlets when opened and reports a mute', async () => {
    const { root, calls } = await mountOptions({ settings: { enabled: true, disabledSites: [], mutedOutlets: ['coast-observer'], disabledDatasets: [] } });
    const details = card(root, 'harbour-bridge-2024').querySelector('details.outlets') as HTMLDetailsElement;
    expect(calls.loadOutlets).not.toHaveBeenCalled();
    await act$(() => {
      details.open = true;
      details.dispatchEvent(new Event('toggle'));
    });
    await act$(async () => {
      await Promise.resolve();
    });
    expect(calls.loadOutlets).toHaveBeenCalledWith('harbour-bridge-2024');
    const boxes = [...details.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(boxes.map((b) => b.parentElement?.textContent)).toEqual(['Don’t show notes from Harbour Gazette', 'Don’t show notes from Coast Observer']);
    expect(boxes.map((b) => b.checked)).toEqual([false, true]);
    expect(details.querySelector('summary')?.textContent).toBe('Outlets (1 muted)');
    await act$(() => boxes[0]!.click());
    expect(calls.onMute).toHaveBeenCalledWith('harbour-gazette', true);
  });
});

describe('markup in dataset strings', () => {
  it('is shown as text, never parsed', async () => {
    const hostile = {
      ...fromFile,
      title: '<img src=x onerror="alert(1)">Bridge',
      publisher: '<script>alert(2)</script>',
      description: '<b>bold</b> &amp; <a href="javascript:alert(3)">link</a>',
      assumptions: ['<iframe src="javascript:alert(4)">'],
      origin: { kind: 'file' as const, name: '<svg onload=alert(5)>.json' },
    };
    const { root } = await mountOptions({ datasets: [builtin, hostile], status: { tone: 'error', text: '<em>x</em>', lines: ['<img src=y>: $: bad'] } });
    expect(root.querySelector('img, script, b, a, iframe, svg, em')).toBeNull();
    const text = root.textContent ?? '';
    expect(text).toContain('<img src=x onerror="alert(1)">Bridge');
    expect(text).toContain('<script>alert(2)</script>');
    expect(text).toContain('<b>bold</b> &amp; <a href="javascript:alert(3)">link</a>');
    expect(text).toContain('<svg onload=alert(5)>.json');
    expect(text).toContain('<img src=y>: $: bad');
  });
});

describe('the live region', () => {
  it('lists every problem of a failed import, each naming the file and the JSON path', async () => {
    const lines = [
      'broken.json: $.articles[0].url: must be an absolute http or https URL',
      'broken.json: $.disputes[0].claims[0].summary: is required',
      'broken.json: $.disputes[0].responses[0].stance: must be one of disputes, denies, corrects, adds-context, supports, got "refutes"',
    ];
    const { root } = await mountOptions({ status: { tone: 'error', text: 'Could not import broken.json: 3 problems. Nothing was changed.', lines } });
    const region = root.querySelector('[role="status"]')!;
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toContain('Could not import broken.json: 3 problems. Nothing was changed.');
    expect([...region.querySelectorAll('.problems li')].map((li) => li.textContent)).toEqual(lines);
    expect(region.querySelector('.outcome')?.getAttribute('data-tone')).toBe('error');
  });

  it('shows a labelled progress bar while a long task runs, and holds off other imports', async () => {
    const { root, rerender } = await mountOptions({ job: { label: 'Importing big.json', stage: 'reading the file', fraction: 0.42 } });
    const progress = root.querySelector('progress')!;
    expect(progress.getAttribute('value')).toBe('42');
    expect(root.querySelector(`label[for="${progress.id}"]`)?.textContent).toBe('Importing big.json: reading the file');
    expect(root.querySelector<HTMLInputElement>('#import-file')?.disabled).toBe(true);
    await rerender({ job: { label: 'Importing big.json', stage: 'checking every entry', fraction: null } });
    expect(root.querySelector('progress')?.hasAttribute('value')).toBe(false);
    await rerender({ job: null });
    expect(root.querySelector('progress')).toBeNull();
    expect(root.querySelector<HTMLInputElement>('#import-file')?.disabled).toBe(false);
  });
});

describe('adding datasets', () => {
  const file = () => new File(['{}'], 'mine.json', { type: 'application/json' });

  it('imports files chosen with the picker', async () => {
    const { root, calls } = await mountOptions();
    const input = root.querySelector<HTMLInputElement>('#import-file')!;
    expect(root.querySelector(`label[for="import-file"]`)?.textContent).toContain('Import a dataset file');
    const chosen = file();
    Object.defineProperty(input, 'files', { value: [chosen], configurable: true });
    await act$(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(calls.onImportFiles).toHaveBeenCalledWith([chosen]);
  });

  it('imports files dropped on the drop area', async () => {
    const { root, calls } = await mountOptions();
    const zone = root.querySelector<HTMLElement>('.dropzone')!;
    const dropped = file();
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { files: [dropped] } });
    await act$(() => {
      zone.dispatchEvent(drop);
    });
    expect(drop.defaultPrevented).toBe(true);
    expect(calls.onImportFiles).toHaveBeenCalledWith([dropped]);
  });

  it('adds from an address with the chosen schedule, and clears the field when added', async () => {
    const { root, calls } = await mountOptions();
    const input = root.querySelector<HTMLInputElement>('#dataset-url')!;
    expect(root.querySelector('label[for="dataset-url"]')?.textContent).toBe('Add from an address');
    await act$(() => {
      input.value = 'https://datasets.example/new.json';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const select = root.querySelector<HTMLSelectElement>('#dataset-schedule')!;
      select.value = 'daily';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act$(async () => {
      root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      await Promise.resolve();
    });
    expect(calls.onAddUrl).toHaveBeenCalledWith('https://datasets.example/new.json', 'daily');
    expect(root.querySelector<HTMLInputElement>('#dataset-url')?.value).toBe('');
  });
});
