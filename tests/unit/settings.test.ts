import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettings, shownOn, withSite, type Settings } from '../../lib/core/settings';

const defaults: Settings = { enabled: true, disabledSites: [], mutedOutlets: [], disabledDatasets: [] };

describe('readSettings', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_SETTINGS).toEqual(defaults);
  });

  it('gives the defaults for values that are not objects', () => {
    for (const value of [null, undefined, 'enabled', 42, true, Symbol('x')]) {
      expect(readSettings(value), String(value)).toEqual(defaults);
    }
  });

  it('gives the defaults field by field for wrong types', () => {
    expect(readSettings({ enabled: 'false', disabledSites: 'example.com', mutedOutlets: { 0: 'nyt' }, disabledDatasets: 7 })).toEqual(defaults);
    expect(readSettings({ enabled: 0 }).enabled).toBe(true);
  });

  it('keeps valid fields', () => {
    const stored = { enabled: false, disabledSites: ['example.com'], mutedOutlets: ['globaltimes'], disabledDatasets: ['counterpoint-seed'] };
    expect(readSettings(stored)).toEqual(stored);
  });

  it('keeps only the strings of a list, and no overlong ones', () => {
    const settings = readSettings({ mutedOutlets: ['nyt', 5, null, { id: 'x' }, 'globaltimes', 'x'.repeat(301), 'y'.repeat(300)] });
    expect(settings.mutedOutlets).toEqual(['nyt', 'globaltimes', 'y'.repeat(300)]);
    expect(settings.enabled).toBe(true);
  });

  it('caps a list at 10 000 entries', () => {
    const many = Array.from({ length: 10_050 }, (_, i) => `site${i}.example`);
    expect(readSettings({ disabledSites: many }).disabledSites).toHaveLength(10_000);
  });

  it('ignores unknown fields', () => {
    expect(readSettings({ enabled: false, theme: 'dark' })).toEqual({ ...defaults, enabled: false });
  });
});

describe('shownOn', () => {
  const off = (sites: string[]): Settings => ({ ...defaults, disabledSites: sites });

  it('shows on http(s) pages by default', () => {
    expect(shownOn(defaults, 'https://www.nytimes.com/2015/09/17/x.html')).toBe(true);
    expect(shownOn(defaults, 'http://example.com/')).toBe(true);
  });

  it('never shows when switched off', () => {
    expect(shownOn({ ...defaults, enabled: false }, 'https://example.com/')).toBe(false);
  });

  it('never shows on a page that is not http(s)', () => {
    for (const url of ['file:///home/a.html', 'chrome://settings', 'about:blank', 'javascript:alert(1)', 'not a url', '']) {
      expect(shownOn(defaults, url), url).toBe(false);
    }
  });

  it('does not show on a disabled site, counting www. and m. hosts as the same site', () => {
    const settings = off(['nytimes.com']);
    expect(shownOn(settings, 'https://nytimes.com/a')).toBe(false);
    expect(shownOn(settings, 'https://www.nytimes.com/a')).toBe(false);
    expect(shownOn(settings, 'http://m.nytimes.com/a')).toBe(false);
    expect(shownOn(settings, 'https://www.globaltimes.cn/a')).toBe(true);
    expect(shownOn(settings, 'https://cooking.nytimes.com/a')).toBe(true);
  });
});

describe('withSite', () => {
  it('turns a site off under its www.-less key and back on from another host form', () => {
    const off = withSite(defaults, 'https://www.nytimes.com/2015/a.html', true);
    expect(off.disabledSites).toEqual(['nytimes.com']);
    expect(shownOn(off, 'https://m.nytimes.com/other')).toBe(false);
    const on = withSite(off, 'http://m.nytimes.com/', false);
    expect(on.disabledSites).toEqual([]);
    expect(shownOn(on, 'https://www.nytimes.com/')).toBe(true);
  });

  it('does not add a site twice and keeps the other sites', () => {
    let settings = withSite({ ...defaults, disabledSites: ['example.com'] }, 'https://nytimes.com/', true);
    settings = withSite(settings, 'https://www.nytimes.com/x', true);
    expect(settings.disabledSites).toEqual(['example.com', 'nytimes.com']);
  });

  it('does not change the settings it was given', () => {
    const before: Settings = { ...defaults, disabledSites: ['example.com'] };
    withSite(before, 'https://nytimes.com/', true);
    withSite(before, 'https://example.com/', false);
    expect(before.disabledSites).toEqual(['example.com']);
  });

  it('leaves the settings alone for a URL that is not http(s)', () => {
    const settings: Settings = { ...defaults, disabledSites: ['example.com'] };
    expect(withSite(settings, 'file:///tmp/a.html', true)).toBe(settings);
    expect(withSite(settings, 'garbage', false)).toBe(settings);
  });

  it('keeps the other settings', () => {
    const settings: Settings = { enabled: false, disabledSites: [], mutedOutlets: ['nyt'], disabledDatasets: ['d'] };
    expect(withSite(settings, 'https://example.com/', true)).toEqual({ ...settings, disabledSites: ['example.com'] });
  });
});
