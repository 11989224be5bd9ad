import { describe, expect, it } from 'vitest';
import {
  checkDatasetUrl,
  describeOrigin,
  dueForRefresh,
  hasSchedules,
  installRefusal,
  isDue,
  readRecord,
  recordFor,
  withFailure,
  withSchedule,
  type DatasetRecord,
  type NewContent,
} from '../../lib/platform/dataset-records';
import { datasetSummary, outletNames } from '../../lib/core/dataset/summary';
import { seedDataset } from './fixtures/seed';

const DAY = 24 * 60 * 60 * 1000;
const summary = datasetSummary(seedDataset());
const content = (change: Partial<NewContent> = {}): NewContent => ({
  summary: { ...summary, id: 'mine' },
  format: 'counterpoint',
  assumptions: [],
  origin: { kind: 'file', name: 'mine.json' },
  size: 1234,
  now: 1_000,
  ...change,
});
const fromUrl = (change: Partial<DatasetRecord> = {}): DatasetRecord => ({
  ...recordFor(content({ origin: { kind: 'url', url: 'https://datasets.example/d.json' }, schedule: 'daily' })),
  ...change,
});

describe('datasetSummary', () => {
  it('gives the metadata and counts the manager lists', () => {
    expect(summary).toEqual({
      id: 'counterpoint-seed',
      title: 'Counterpoint seed: the 2015 "pledge" report',
      publisher: 'Counterpoint',
      version: '1.0.0',
      licence: expect.stringContaining('CC0-1.0'),
      updated: '2026-11-29',
      description: expect.stringContaining('One dispute'),
      counts: { disputes: 1, claims: 4, outlets: 2 },
    });
    expect(outletNames(seedDataset())).toEqual([
      { id: 'nyt', name: 'The New York Times' },
      { id: 'globaltimes', name: 'Global Times' },
    ]);
  });
});

describe('recordFor', () => {
  it('makes a record of a new dataset: added and refreshed now, no error, revision 1, no schedule for files', () => {
    const record = recordFor(content({ schedule: 'daily' }));
    expect(record).toMatchObject({ id: 'mine', origin: { kind: 'file', name: 'mine.json' }, added: 1_000, refreshed: 1_000, schedule: 'off', lastError: null, size: 1234, revision: 1 });
  });

  it('keeps when a replaced dataset was added, bumps its revision and clears its last error', () => {
    const first = withFailure(fromUrl(), ['x'], 5_000);
    const next = recordFor(content({ origin: { kind: 'url', url: 'https://datasets.example/d.json' }, now: 9_000 }), first);
    expect(next).toMatchObject({ added: 1_000, refreshed: 9_000, revision: 2, lastError: null, schedule: 'daily' });
  });

  it('takes the schedule given, and drops it when a URL dataset is replaced by a file', () => {
    const first = fromUrl();
    expect(recordFor(content({ origin: { kind: 'url', url: 'https://datasets.example/d.json' }, schedule: 'weekly' }), first).schedule).toBe('weekly');
    expect(recordFor(content({ origin: { kind: 'url', url: 'https://other.example/d.json' } }), first).schedule).toBe('off');
    expect(recordFor(content(), first).schedule).toBe('off');
  });
});

describe('installRefusal', () => {
  it('refuses the id of a built-in dataset only', () => {
    expect(installRefusal('counterpoint-seed', ['counterpoint-seed'])).toContain('belongs to the built-in dataset');
    expect(installRefusal('mine', ['counterpoint-seed'])).toBeNull();
  });
});

describe('refresh schedules', () => {
  it('is due a period after the last attempt, good or failed', () => {
    const record = fromUrl({ refreshed: 0 });
    expect(isDue(record, DAY - 1)).toBe(false);
    expect(isDue(record, DAY)).toBe(true);
    const failed = withFailure(record, ['down'], DAY);
    expect(isDue(failed, DAY + 1)).toBe(false);
    expect(isDue(failed, 2 * DAY)).toBe(true);
    expect(isDue(withSchedule(record, 'weekly'), 6 * DAY)).toBe(false);
    expect(isDue(withSchedule(record, 'weekly'), 7 * DAY)).toBe(true);
  });

  it('is never due for files or with the schedule off', () => {
    expect(isDue(recordFor(content()), 100 * DAY)).toBe(false);
    expect(isDue(withSchedule(fromUrl(), 'off'), 100 * DAY)).toBe(false);
    expect(withSchedule(recordFor(content()), 'daily').schedule).toBe('off');
  });

  it('lists the due ones, oldest first, and says whether any schedule is set', () => {
    const a = fromUrl({ id: 'a', refreshed: 5 });
    const b = fromUrl({ id: 'b', refreshed: 1 });
    const c = fromUrl({ id: 'c', refreshed: 10 * DAY });
    expect(dueForRefresh([a, b, c], 2 * DAY).map((r) => r.id)).toEqual(['b', 'a']);
    expect(hasSchedules([a])).toBe(true);
    expect(hasSchedules([recordFor(content()), withSchedule(a, 'off')])).toBe(false);
  });

  it('keeps at most 100 lines of a failure', () => {
    const lines = Array.from({ length: 150 }, (_, i) => `line ${i}`);
    expect(withFailure(fromUrl(), lines, 7).lastError).toEqual({ at: 7, lines: lines.slice(0, 100) });
  });
});

describe('checkDatasetUrl', () => {
  it('accepts http and https addresses, without the fragment', () => {
    expect(checkDatasetUrl(' https://datasets.example/d.json#top ')).toEqual({ ok: true, url: 'https://datasets.example/d.json' });
    expect(checkDatasetUrl('http://localhost:8080/d.json')).toEqual({ ok: true, url: 'http://localhost:8080/d.json' });
  });

  it('refuses other schemes, credentials, partial addresses and empty input, saying why', () => {
    const message = (input: string) => {
      const result = checkDatasetUrl(input);
      return result.ok ? 'accepted' : result.message;
    };
    expect(message('')).toBe('type the address of a dataset (http or https)');
    expect(message('datasets.example/d.json')).toContain('is not a complete address');
    expect(message('javascript:alert(1)')).toBe('is a javascript: address; only http and https addresses can be added');
    expect(message('data:application/json,{}')).toContain('is a data: address');
    expect(message('file:///etc/passwd')).toContain('is a file: address');
    expect(message('ftp://datasets.example/d.json')).toContain('is a ftp: address');
    expect(message('https://user:secret@datasets.example/d.json')).toContain('user name or password');
    expect(message(`https://datasets.example/${'x'.repeat(2100)}`)).toContain('longer than 2048');
  });
});

describe('describeOrigin', () => {
  it('says where a dataset came from', () => {
    expect(describeOrigin({ kind: 'builtin' })).toBe('built in');
    expect(describeOrigin({ kind: 'file', name: 'a.json' })).toBe('file a.json');
    expect(describeOrigin({ kind: 'url', url: 'https://x.example/a.json' })).toBe('https://x.example/a.json');
  });
});

describe('readRecord', () => {
  it('reads back what was stored', () => {
    const record = withFailure(fromUrl(), ['down'], 99);
    expect(readRecord(JSON.parse(JSON.stringify(record)))).toEqual(record);
  });

  it('refuses damaged records and repairs damaged optional fields', () => {
    expect(readRecord(null)).toBeNull();
    expect(readRecord('record')).toBeNull();
    expect(readRecord({ ...fromUrl(), id: 5 })).toBeNull();
    expect(readRecord({ ...fromUrl(), counts: { disputes: -1, claims: 1, outlets: 1 } })).toBeNull();
    expect(readRecord({ ...fromUrl(), origin: { kind: 'url', url: 'javascript:alert(1)' } })).toBeNull();
    expect(readRecord({ ...fromUrl(), origin: { kind: 'builtin' } })).toBeNull();
    const repaired = readRecord({ ...fromUrl(), schedule: 'hourly', lastError: { at: 'now' }, assumptions: [1, 'a'], format: 'rss', revision: -3 });
    expect(repaired).toMatchObject({ schedule: 'off', lastError: null, assumptions: ['a'], format: 'counterpoint', revision: 0 });
  });
});
