import { describe, expect, it } from 'vitest';
import { isOwnTopFrameContentScript, type SenderLike } from '../../lib/messaging/guards';
import { parseContentMessage } from '../../lib/messaging/protocol';
import { MAX_HASHES } from '../../lib/core/limits';

const signals = {
  url: 'https://www.nytimes.com/2015/09/17/technology/story.html',
  canonical: 'https://www.nytimes.com/2015/09/17/technology/story.html',
  ogUrl: null,
  hashes: [0, 1, 123456789, 0xffffffff],
};

const withSignals = (change: Record<string, unknown>) => ({ type: 'page', signals: { ...signals, ...change } });

describe('parseContentMessage', () => {
  it('accepts a page message', () => {
    expect(parseContentMessage({ type: 'page', signals })).toEqual({ type: 'page', signals });
  });

  it('accepts a notes message', () => {
    expect(parseContentMessage({ type: 'notes', signals: { ...signals, canonical: null } })).toEqual({ type: 'notes', signals: { ...signals, canonical: null } });
  });

  it('accepts count messages from 0 to 10 000', () => {
    expect(parseContentMessage({ type: 'count', count: 0 })).toEqual({ type: 'count', count: 0 });
    expect(parseContentMessage({ type: 'count', count: 3 })).toEqual({ type: 'count', count: 3 });
    expect(parseContentMessage({ type: 'count', count: 10_000 })).toEqual({ type: 'count', count: 10_000 });
  });

  it('drops unknown fields', () => {
    const parsed = parseContentMessage({ type: 'page', signals: { ...signals, cookie: 'x' }, extra: true });
    expect(parsed).toEqual({ type: 'page', signals });
  });

  it('accepts exactly MAX_HASHES hashes', () => {
    const hashes = Array.from({ length: MAX_HASHES }, (_, i) => i);
    expect(parseContentMessage(withSignals({ hashes }))).not.toBeNull();
  });

  it('rejects values that are not messages', () => {
    for (const value of [null, undefined, 'page', 42, [], [{ type: 'page', signals }]]) {
      expect(parseContentMessage(value), String(value)).toBeNull();
    }
  });

  it('rejects an unknown type', () => {
    expect(parseContentMessage({ type: 'settings', signals })).toBeNull();
    expect(parseContentMessage({ type: 'PAGE', signals })).toBeNull();
    expect(parseContentMessage({ signals })).toBeNull();
  });

  it('rejects missing fields', () => {
    expect(parseContentMessage({ type: 'page' })).toBeNull();
    expect(parseContentMessage({ type: 'count' })).toBeNull();
    for (const field of ['url', 'canonical', 'ogUrl', 'hashes'] as const) {
      const partial: Record<string, unknown> = { ...signals };
      delete partial[field];
      expect(parseContentMessage({ type: 'notes', signals: partial }), field).toBeNull();
    }
  });

  it('rejects fields of the wrong type', () => {
    expect(parseContentMessage(withSignals({ url: 42 }))).toBeNull();
    expect(parseContentMessage(withSignals({ canonical: 42 }))).toBeNull();
    expect(parseContentMessage(withSignals({ hashes: '1,2,3' }))).toBeNull();
    expect(parseContentMessage(withSignals({ hashes: { length: 1, 0: 1 } }))).toBeNull();
    expect(parseContentMessage({ type: 'count', count: '3' })).toBeNull();
  });

  it('rejects hashes that are not 32-bit unsigned integers', () => {
    for (const bad of [1.5, -1, 2 ** 32, NaN, Infinity, '7', null]) {
      expect(parseContentMessage(withSignals({ hashes: [1, bad, 2] })), String(bad)).toBeNull();
    }
  });

  it('rejects too many hashes', () => {
    const hashes = Array.from({ length: MAX_HASHES + 1 }, (_, i) => i);
    expect(parseContentMessage(withSignals({ hashes }))).toBeNull();
  });

  it('rejects a huge url string', () => {
    const url = `https://example.com/${'a'.repeat(10 * 1024 * 1024)}`;
    expect(parseContentMessage(withSignals({ url }))).toBeNull();
    expect(parseContentMessage(withSignals({ ogUrl: url }))).toBeNull();
  });

  it('puts the url limit at 8192 characters', () => {
    const at = `https://example.com/${'a'.repeat(8192 - 'https://example.com/'.length)}`;
    expect(at).toHaveLength(8192);
    expect(parseContentMessage(withSignals({ url: at }))).not.toBeNull();
    expect(parseContentMessage(withSignals({ url: `${at}b` }))).toBeNull();
  });

  it('rejects a count that is negative, fractional or too large', () => {
    for (const count of [-1, 1.5, 10_001, NaN, Infinity]) {
      expect(parseContentMessage({ type: 'count', count }), String(count)).toBeNull();
    }
  });
});

describe('isOwnTopFrameContentScript', () => {
  const OWN = 'counterpoint@example';
  const good: SenderLike = { id: OWN, url: 'https://www.nytimes.com/2015/09/17/story.html', frameId: 0, tab: { id: 7 } };

  it("accepts this extension's content script in a tab's top frame on an http(s) page", () => {
    expect(isOwnTopFrameContentScript(good, OWN)).toBe(true);
    expect(isOwnTopFrameContentScript({ ...good, url: 'http://example.com/' }, OWN)).toBe(true);
    expect(isOwnTopFrameContentScript({ ...good, tab: { id: 0 } }, OWN)).toBe(true);
  });

  it("rejects another extension's id and a missing id", () => {
    expect(isOwnTopFrameContentScript({ ...good, id: 'other-extension' }, OWN)).toBe(false);
    expect(isOwnTopFrameContentScript({ ...good, id: undefined }, OWN)).toBe(false);
  });

  it('rejects a sender without a tab or with a tab that has no id', () => {
    expect(isOwnTopFrameContentScript({ ...good, tab: undefined }, OWN)).toBe(false);
    expect(isOwnTopFrameContentScript({ ...good, tab: {} }, OWN)).toBe(false);
    expect(isOwnTopFrameContentScript({ ...good, tab: { id: -1 } }, OWN)).toBe(false);
  });

  it('rejects a sub-frame and a missing frame id', () => {
    expect(isOwnTopFrameContentScript({ ...good, frameId: 1 }, OWN)).toBe(false);
    expect(isOwnTopFrameContentScript({ ...good, frameId: undefined }, OWN)).toBe(false);
  });

  it('rejects extension pages, local files and other non-http(s) senders', () => {
    for (const url of ['chrome-extension://abcdef/popup.html', 'moz-extension://1234/options.html', 'file:///home/user/a.html', 'about:blank', 'data:text/html,x', undefined]) {
      expect(isOwnTopFrameContentScript({ ...good, url }, OWN), String(url)).toBe(false);
    }
  });

  it('does not accept a URL that merely contains http://', () => {
    expect(isOwnTopFrameContentScript({ ...good, url: 'chrome-extension://abc/?next=https://example.com' }, OWN)).toBe(false);
  });
});
