/**
 * The always-on script's questions on a page that stays put: one when it starts, another once its
 * text has grown significantly (in one go, or little by little), none for small changes. The
 * extension API is a stand-in that records what is sent.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GROWTH, watchPage } from '../../../lib/platform/page-watch';

const sent: { type: string; page: { text: string } }[] = [];
const runtime = {
  id: 'counterpoint-test',
  sendMessage: vi.fn(async (message: { type: string; page: { text: string } }) => {
    sent.push(message);
    return { maybe: false };
  }),
  onMessage: { addListener: vi.fn(), removeListener: vi.fn() },
};

const paragraph = (words: number, word = 'lantern') => `<p>${Array.from({ length: words }, () => word).join(' ')}</p>`;
const append = (html: string) => document.body.insertAdjacentHTML('beforeend', html);
/** Long enough for any pending settle timer, its backoff and the walk after it. */
const settle = () => vi.advanceTimersByTimeAsync(GROWTH.maxWaitMs + 2 * GROWTH.spacingMs * 2 ** GROWTH.maxRuns);

const scope = globalThis as { browser?: unknown };
const testBrowser = scope.browser;

describe('the always-on watch of a page', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    sent.length = 0;
    // The test set-up's fake `browser` would be used first (lib/platform/native.ts): replaced here.
    scope.browser = { runtime };
    document.body.innerHTML = paragraph(200);
  });
  afterEach(() => {
    // Ends this copy (as an extension update would), so the next test's watchPage starts a new one.
    (globalThis as Record<symbol, { end(): void } | undefined>)[Symbol.for('counterpoint.always-on')]?.end();
    vi.useRealTimers();
    scope.browser = testBrowser;
  });

  it('asks once on start, and not again for small changes', async () => {
    watchPage();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.page.text).toContain('lantern');
    for (let i = 0; i < 5; i++) {
      append('<span>12:01</span>');
      (document.body.querySelector('p')!.firstChild as Text).appendData(' x');
      await vi.advanceTimersByTimeAsync(1000);
    }
    await settle();
    expect(sent).toHaveLength(1);
  });

  it('asks again once an article arrives after load', async () => {
    watchPage();
    await vi.advanceTimersByTimeAsync(0);
    append(paragraph(400, 'orchard'));
    await settle();
    expect(sent).toHaveLength(2);
    expect(sent[1]!.page.text).toContain('orchard');
  });

  it('asks again when the text grows significantly a little at a time', async () => {
    watchPage();
    await vi.advanceTimersByTimeAsync(0);
    // Each addition alone is far below the threshold (300 characters, or a quarter of the text).
    for (let i = 0; i < 12; i++) {
      append(paragraph(8, 'meadow'));
      await vi.advanceTimersByTimeAsync(GROWTH.quietMs * 2);
    }
    await settle();
    expect(sent.length).toBeGreaterThanOrEqual(2);
    // No significant growth is left unsent (the same test as the watch's: 300 characters or a quarter).
    const last = sent.at(-1)!.page.text.length;
    const now = document.body.textContent!.length;
    expect(now - last).toBeGreaterThan(0);
    expect(now - last).toBeLessThanOrEqual(Math.max(300, last * 0.25));
  });

  it('ignores text added inside scripts and styles', async () => {
    watchPage();
    await vi.advanceTimersByTimeAsync(0);
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify({ words: 'pebble '.repeat(500) });
    document.body.append(script);
    await settle();
    expect(sent).toHaveLength(1);
  });
});
