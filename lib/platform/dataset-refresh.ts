/**
 * Datasets from addresses the user typed (background only): fetched when added, then on the
 * schedule the user chose, by one hourly alarm that exists only while some dataset has a schedule.
 * A failed refresh keeps the last good copy and records the error for the manager to show.
 */
import { browser } from 'wxt/browser';
import { importDataset } from '../core/dataset/import';
import { formatProblems } from '../core/dataset/parse';
import type { UrlReply } from '../messaging/options-protocol';
import { getRecord, listRecords, updateRecord } from './dataset-db';
import { fetchDatasetText } from './dataset-fetch';
import { installChecked } from './dataset-install';
import { checkDatasetUrl, dueForRefresh, hasSchedules, withFailure, type Schedule } from './dataset-records';
import { announceDatasetsChanged } from './datasets-store';

export const REFRESH_ALARM = 'counterpoint-refresh-datasets';

type Fetched = { ok: true; reply: UrlReply & { ok: true } } | { ok: false; lines: string[] };

async function fetchAndInstall(url: string, schedule: Schedule | undefined, refreshOf: string | undefined): Promise<Fetched> {
  const fetched = await fetchDatasetText(url);
  if (!fetched.ok) return { ok: false, lines: [`${url}: ${fetched.message}`] };
  const result = importDataset(fetched.text, url);
  if (!result.ok) return { ok: false, lines: formatProblems(url, result.problems) };
  const put = await installChecked({ dataset: result.dataset, format: result.format, assumptions: result.assumptions, origin: { kind: 'url', url }, schedule, refreshOf });
  if (!put.ok) return { ok: false, lines: [`${url}: $.dataset.id: ${put.message}`] };
  return { ok: true, reply: { ok: true, id: put.record.id, title: put.record.title, replaced: put.replaced !== null } };
}

/** Adds (or replaces) the dataset at an address the user typed. Nothing changes if it fails. */
export async function addFromUrl(input: string, schedule: Schedule): Promise<UrlReply> {
  const checked = checkDatasetUrl(input);
  if (!checked.ok) return { ok: false, lines: [`${input.trim() || 'the address'}: ${checked.message}`] };
  const outcome = await fetchAndInstall(checked.url, schedule, undefined);
  if (!outcome.ok) return outcome;
  await announceDatasetsChanged();
  await syncRefreshAlarm();
  return outcome.reply;
}

/** Fetches an installed URL dataset again. On failure the last good copy stays and the error is kept. */
export async function refreshDataset(id: string, now = Date.now()): Promise<UrlReply> {
  const record = await getRecord(id);
  if (!record || record.origin.kind !== 'url') return { ok: false, lines: [`${id}: only datasets added from an address can be refreshed`] };
  const outcome = await fetchAndInstall(record.origin.url, undefined, id);
  if (!outcome.ok) await updateRecord(id, (current) => withFailure(current, outcome.lines, now));
  await announceDatasetsChanged();
  return outcome.ok ? outcome.reply : outcome;
}

/** Refreshes every URL dataset whose scheduled refresh is due, one after another. */
export async function refreshDue(now = Date.now()): Promise<void> {
  for (const record of dueForRefresh(await listRecords(), now)) await refreshDataset(record.id, now);
}

/** One hourly alarm while some dataset has a schedule; none otherwise (no needless wake-ups). */
export async function syncRefreshAlarm(): Promise<void> {
  const wanted = hasSchedules(await listRecords());
  const existing = await browser.alarms.get(REFRESH_ALARM);
  if (wanted && !existing) await browser.alarms.create(REFRESH_ALARM, { delayInMinutes: 1, periodInMinutes: 60 });
  if (!wanted && existing) await browser.alarms.clear(REFRESH_ALARM);
}
