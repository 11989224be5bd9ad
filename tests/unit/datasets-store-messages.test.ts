import { describe, expect, it } from 'vitest';
import { parseOptionsMessage } from '../../lib/messaging/options-protocol';
import { isOwnOptionsPage } from '../../lib/messaging/page-guards';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const OPTIONS = `chrome-extension://${ID}/options.html`;

describe('parseOptionsMessage', () => {
  it('accepts the two messages of the options page', () => {
    expect(parseOptionsMessage({ type: 'add-url', url: 'https://d.example/a.json', schedule: 'weekly' })).toEqual({ type: 'add-url', url: 'https://d.example/a.json', schedule: 'weekly' });
    expect(parseOptionsMessage({ type: 'refresh', id: 'mine', extra: 1 })).toEqual({ type: 'refresh', id: 'mine' });
  });

  it('refuses anything else', () => {
    for (const message of [
      null,
      'add-url',
      { type: 'add-url', url: 'https://d.example/a.json' },
      { type: 'add-url', url: 'https://d.example/a.json', schedule: 'hourly' },
      { type: 'add-url', url: 5, schedule: 'off' },
      { type: 'add-url', url: 'x'.repeat(5000), schedule: 'off' },
      { type: 'refresh', id: '' },
      { type: 'remove', id: 'mine' },
      { type: 'page', signals: {} },
    ]) {
      expect(parseOptionsMessage(message), JSON.stringify(message)?.slice(0, 60)).toBeNull();
    }
  });
});

describe('isOwnOptionsPage', () => {
  it('accepts this extension’s options page only', () => {
    expect(isOwnOptionsPage({ id: ID, url: OPTIONS }, ID, OPTIONS)).toBe(true);
    expect(isOwnOptionsPage({ id: ID, url: `${OPTIONS}#datasets`, tab: { id: 4 }, frameId: 0 }, ID, OPTIONS)).toBe(true);
  });

  it('refuses content scripts, other extensions, other pages of the extension and missing URLs', () => {
    expect(isOwnOptionsPage({ id: ID, url: 'https://www.nytimes.com/options.html', tab: { id: 3 }, frameId: 0 }, ID, OPTIONS)).toBe(false);
    expect(isOwnOptionsPage({ id: 'other', url: OPTIONS }, ID, OPTIONS)).toBe(false);
    expect(isOwnOptionsPage({ id: ID, url: `chrome-extension://other/options.html` }, ID, OPTIONS)).toBe(false);
    expect(isOwnOptionsPage({ id: ID, url: `chrome-extension://${ID}/background.js` }, ID, OPTIONS)).toBe(false);
    expect(isOwnOptionsPage({ id: ID }, ID, OPTIONS)).toBe(false);
    expect(isOwnOptionsPage({ id: ID, url: 'not a url' }, ID, OPTIONS)).toBe(false);
  });
});
