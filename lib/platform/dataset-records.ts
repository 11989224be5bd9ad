/**
 * What the dataset manager keeps about each installed dataset, and the pure rules around it:
 * making a record from a checked dataset, replacing one, a failed refresh, when a refresh is due,
 * and reading a stored record defensively. No browser APIs here; the unit tests run it in Node.
 */
import type { ImportFormat } from '../core/dataset/import';
import type { DatasetSummary } from '../core/dataset/summary';

export const SCHEDULES = ['off', 'daily', 'weekly'] as const;
export type Schedule = (typeof SCHEDULES)[number];

export type Origin = { kind: 'builtin' } | { kind: 'file'; name: string } | { kind: 'url'; url: string };

export interface DatasetRecord extends DatasetSummary {
  format: ImportFormat;
  /** What a conversion assumed (ClaimReview, Web Annotation); empty for our own format. */
  assumptions: string[];
  origin: Origin;
  /** When it was first installed, in ms since the epoch (0 for the built-in dataset). */
  added: number;
  /** When its content was last imported or fetched successfully (0 for the built-in dataset). */
  refreshed: number;
  /** Refresh schedule; always 'off' unless the dataset came from a URL. */
  schedule: Schedule;
  /** The last refresh that failed (the last good copy is kept), cleared by the next success. */
  lastError: { at: number; lines: string[] } | null;
  /** Size of the stored JSON, in characters. */
  size: number;
  /** Bumped whenever the content changes, so caches know to reload it. */
  revision: number;
}

const DAY = 24 * 60 * 60 * 1000;
export const SCHEDULE_PERIOD: Record<Exclude<Schedule, 'off'>, number> = { daily: DAY, weekly: 7 * DAY };

export interface NewContent {
  summary: DatasetSummary;
  format: ImportFormat;
  assumptions: string[];
  origin: Origin;
  size: number;
  now: number;
  schedule?: Schedule;
}

/**
 * The record of a dataset just imported or fetched. Replacing an installed dataset of the same id
 * keeps when it was added and, for the same URL, its schedule.
 */
export function recordFor(content: NewContent, previous?: DatasetRecord): DatasetRecord {
  const sameUrl = previous !== undefined && content.origin.kind === 'url' && previous.origin.kind === 'url' && previous.origin.url === content.origin.url;
  const schedule = content.origin.kind !== 'url' ? 'off' : (content.schedule ?? (sameUrl ? previous.schedule : 'off'));
  return {
    ...content.summary,
    format: content.format,
    assumptions: content.assumptions,
    origin: content.origin,
    added: previous?.added ?? content.now,
    refreshed: content.now,
    schedule,
    lastError: null,
    size: content.size,
    revision: (previous?.revision ?? 0) + 1,
  };
}

/** Why a dataset with this id may not be installed, or null if it may. */
export function installRefusal(id: string, builtinIds: readonly string[]): string | null {
  return builtinIds.includes(id) ? `the id "${id}" belongs to the built-in dataset; give your dataset another id` : null;
}

/** The record after a refresh that failed: the content stays, the error is shown. */
export function withFailure(record: DatasetRecord, lines: string[], now: number): DatasetRecord {
  return { ...record, lastError: { at: now, lines: lines.slice(0, 100) } };
}

export function withSchedule(record: DatasetRecord, schedule: Schedule): DatasetRecord {
  return { ...record, schedule: record.origin.kind === 'url' ? schedule : 'off' };
}

/** Whether a URL dataset's scheduled refresh is due: a period after the last attempt, good or failed. */
export function isDue(record: DatasetRecord, now: number): boolean {
  if (record.origin.kind !== 'url' || record.schedule === 'off') return false;
  const lastAttempt = Math.max(record.refreshed, record.lastError?.at ?? 0);
  return now - lastAttempt >= SCHEDULE_PERIOD[record.schedule];
}

/** The URL datasets whose refresh is due, oldest attempt first. */
export function dueForRefresh(records: readonly DatasetRecord[], now: number): DatasetRecord[] {
  return records.filter((record) => isDue(record, now)).sort((a, b) => a.refreshed - b.refreshed);
}

export function hasSchedules(records: readonly DatasetRecord[]): boolean {
  return records.some((record) => record.origin.kind === 'url' && record.schedule !== 'off');
}

/** Where a dataset came from, for people. */
export function describeOrigin(origin: Origin): string {
  switch (origin.kind) {
    case 'builtin':
      return 'built in';
    case 'file':
      return `file ${origin.name}`;
    case 'url':
      return origin.url;
  }
}

/** The name that messages about a dataset's content use: its file name or URL. */
export function sourceName(origin: Origin): string {
  return origin.kind === 'file' ? origin.name : origin.kind === 'url' ? origin.url : 'built-in dataset';
}

/**
 * Why the text a user typed is not an address Counterpoint will fetch, or the URL to fetch.
 * Only http and https, no user name or password in it.
 */
export function checkDatasetUrl(input: string): { ok: true; url: string } | { ok: false; message: string } {
  const text = input.trim();
  if (text === '') return { ok: false, message: 'type the address of a dataset (http or https)' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: 'is not a complete address; it should start with https:// or http://' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, message: `is a ${url.protocol.replace(/:$/, '')}: address; only http and https addresses can be added` };
  }
  if (url.username || url.password) return { ok: false, message: 'contains a user name or password; Counterpoint sends no credentials' };
  if (text.length > 2048) return { ok: false, message: 'is longer than 2048 characters' };
  url.hash = '';
  return { ok: true, url: url.href };
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

function readOrigin(value: unknown): Origin | null {
  if (typeof value !== 'object' || value === null) return null;
  const raw = value as Record<string, unknown>;
  if (raw.kind === 'file' && isString(raw.name)) return { kind: 'file', name: raw.name };
  if (raw.kind === 'url' && isString(raw.url) && checkDatasetUrl(raw.url).ok) return { kind: 'url', url: raw.url };
  return null;
}

/** A stored record, checked field by field; null if it is damaged (the manager then skips it). */
export function readRecord(value: unknown): DatasetRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const raw = value as Record<string, unknown>;
  const counts = raw.counts as Record<string, unknown> | undefined;
  const origin = readOrigin(raw.origin);
  const texts = [raw.id, raw.title, raw.publisher, raw.version, raw.licence, raw.updated];
  if (!texts.every(isString) || !origin || !counts || ![counts.disputes, counts.claims, counts.outlets].every(isCount)) return null;
  const lastError = raw.lastError as { at?: unknown; lines?: unknown } | null | undefined;
  return {
    id: raw.id as string,
    title: raw.title as string,
    publisher: raw.publisher as string,
    version: raw.version as string,
    licence: raw.licence as string,
    updated: raw.updated as string,
    description: isString(raw.description) ? raw.description : null,
    counts: { disputes: counts.disputes as number, claims: counts.claims as number, outlets: counts.outlets as number },
    format: raw.format === 'claimreview' || raw.format === 'webannotation' ? raw.format : 'counterpoint',
    assumptions: Array.isArray(raw.assumptions) ? raw.assumptions.filter(isString) : [],
    origin,
    added: isCount(raw.added) ? raw.added : 0,
    refreshed: isCount(raw.refreshed) ? raw.refreshed : 0,
    schedule: origin.kind === 'url' && SCHEDULES.includes(raw.schedule as Schedule) ? (raw.schedule as Schedule) : 'off',
    lastError:
      lastError && isCount(lastError.at) && Array.isArray(lastError.lines) ? { at: lastError.at, lines: lastError.lines.filter(isString) } : null,
    size: isCount(raw.size) ? raw.size : 0,
    revision: isCount(raw.revision) ? raw.revision : 0,
  };
}
