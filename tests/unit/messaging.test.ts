import { describe, expect, it } from 'vitest';
import { isOwnTopFrameContentScript, type SenderLike } from '../../lib/messaging/guards';
import { parseContentMessage } from '../../lib/messaging/protocol';
import { MAX_TEXT } from '../../lib/core/limits';

const page = {
  url: 'https://www.nytimes.com/2015/09/17/technology/story.html',
  canonical: 'https://www.nytimes.com/2015/09/17/technology/story.html',
  ogUrl: null,
  text: 'Beijing asked American technology companies to pledge compliance. 北京',
};

const withPage = (change: Record<string, unknown>) => ({ type: 'page', page: { ...page, ...change } });

describe('parseContentMessage', () => {
  it('accepts a page message', () => {
    expect(parseContentMessage({ type: 'page', page })).toEqual({ type: 'page', page });
  });

  it('accepts a notes message', () => {
    expect(parseContentMessage({ type: 'notes', page: { ...page, canonical: null } })).toEqual({ type: 'notes', page: { ...page, canonical: null } });
  });

  it('accepts count messages from 0 to 10 000', () => {
    expect(parseContentMessage({ type: 'count', count: 0 })).toEqual({ type: 'count', count: 0 });
    expect(parseContentMessage({ type: 'count', count: 3 })).toEqual({ type: 'count', count: 3 });
    expect(parseContentMessage({ type: 'count', count: 10_000 })).toEqual({ type: 'count', count: 10_000 });
  });

  it('drops unknown fields', () => {
    const parsed = parseContentMessage({ type: 'page', page: { ...page, cookie: 'x', hashes: [1, 2] }, extra: true });
    expect(parsed).toEqual({ type: 'page', page });
  });

  it('accepts empty text and text of exactly MAX_TEXT characters', () => {
    expect(parseContentMessage(withPage({ text: '' }))).not.toBeNull();
    expect(parseContentMessage(withPage({ text: 'a'.repeat(MAX_TEXT) }))).not.toBeNull();
  });

  it('rejects values that are not messages', () => {
    for (const value of [null, undefined, 'page', 42, [], [{ type: 'page', page }]]) {
      expect(parseContentMessage(value), String(value)).toBeNull();
    }
  });

  it('rejects an unknown type', () => {
    expect(parseContentMessage({ type: 'settings', page })).toBeNull();
    expect(parseContentMessage({ type: 'PAGE', page })).toBeNull();
    expect(parseContentMessage({ page })).toBeNull();
  });

  it('rejects missing fields', () => {
    expect(parseContentMessage({ type: 'page' })).toBeNull();
    expect(parseContentMessage({ type: 'count' })).toBeNull();
    for (const field of ['url', 'canonical', 'ogUrl', 'text'] as const) {
      const partial: Record<string, unknown> = { ...page };
      delete partial[field];
      expect(parseContentMessage({ type: 'notes', page: partial }), field).toBeNull();
    }
    // The old shape (hashes computed in the page) is no longer accepted.
    const { text: _text, ...urls } = page;
    expect(parseContentMessage({ type: 'page', signals: { ...urls, hashes: [1, 2, 3] } })).toBeNull();
  });

  it('rejects fields of the wrong type', () => {
    expect(parseContentMessage(withPage({ url: 42 }))).toBeNull();
    expect(parseContentMessage(withPage({ canonical: 42 }))).toBeNull();
    for (const text of [42, null, ['a', 'b'], { length: 1, 0: 'a' }, new String('boxed')]) {
      expect(parseContentMessage(withPage({ text })), String(text)).toBeNull();
    }
    expect(parseContentMessage({ type: 'count', count: '3' })).toBeNull();
  });

  it('rejects text longer than MAX_TEXT', () => {
    expect(parseContentMessage(withPage({ text: 'a'.repeat(MAX_TEXT + 1) }))).toBeNull();
    expect(parseContentMessage({ type: 'notes', page: { ...page, text: 'a'.repeat(10 * 1024 * 1024) } })).toBeNull();
  });

  it('rejects a huge url string', () => {
    const url = `https://example.com/${'a'.repeat(10 * 1024 * 1024)}`;
    expect(parseContentMessage(withPage({ url }))).toBeNull();
    expect(parseContentMessage(withPage({ ogUrl: url }))).toBeNull();
  });

  it('puts the url limit at 8192 characters', () => {
    const at = `https://example.com/${'a'.repeat(8192 - 'https://example.com/'.length)}`;
    expect(at).toHaveLength(8192);
    expect(parseContentMessage(withPage({ url: at }))).not.toBeNull();
    expect(parseContentMessage(withPage({ url: `${at}b` }))).toBeNull();
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
