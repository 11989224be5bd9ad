/** The user's settings as stored, read defensively: a damaged value falls back to the defaults. */
import { siteKey } from './url';

export interface Settings {
  /** The overlay is on (the toolbar button). */
  enabled: boolean;
  /** Sites (host without www.) where the overlay is off. */
  disabledSites: string[];
  /** Outlet ids whose notes are not shown. */
  mutedOutlets: string[];
  /** Dataset ids switched off. */
  disabledDatasets: string[];
}

export const DEFAULT_SETTINGS: Settings = { enabled: true, disabledSites: [], mutedOutlets: [], disabledDatasets: [] };

const stringList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.length <= 300).slice(0, 10_000) : [];

export function readSettings(value: unknown): Settings {
  if (typeof value !== 'object' || value === null) return { ...DEFAULT_SETTINGS };
  const raw = value as Record<string, unknown>;
  return {
    enabled: typeof raw.enabled === 'boolean' ? raw.enabled : DEFAULT_SETTINGS.enabled,
    disabledSites: stringList(raw.disabledSites),
    mutedOutlets: stringList(raw.mutedOutlets),
    disabledDatasets: stringList(raw.disabledDatasets),
  };
}

/** Whether notes show on a page at `url` under these settings. */
export function shownOn(settings: Settings, url: string): boolean {
  if (!settings.enabled) return false;
  const site = siteKey(url);
  return site !== null && !settings.disabledSites.includes(site);
}

/** The settings with `url`'s site turned off (or back on). */
export function withSite(settings: Settings, url: string, off: boolean): Settings {
  const site = siteKey(url);
  if (!site) return settings;
  const others = settings.disabledSites.filter((s) => s !== site);
  return { ...settings, disabledSites: off ? [...others, site] : others };
}
