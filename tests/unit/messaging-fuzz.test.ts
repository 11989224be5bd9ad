/**
 * Fuzzing the background's message handling with fast-check: the parser, the sender guard and the
 * content-script handler itself (on WXT's fake browser) never throw, whatever arrives, and accept
 * only what the protocol allows, only from this extension's content scripts in a top frame.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MAX_TEXT } from '../../lib/core/limits';
import { isOwnTopFrameContentScript, type SenderLike } from '../../lib/messaging/guards';
import { parseContentMessage } from '../../lib/messaging/protocol';

// The background reads installed datasets from IndexedDB, which Node lacks: none installed here.
vi.mock('../../lib/platform/dataset-db', async (original) => ({
  ...(await original<typeof import('../../lib/platform/dataset-db')>()),
  listRecords: async () => [],
  getBody: async () => null,
  getRecord: async () => null,
}));

const { handleContentMessage } = await import('../../lib/platform/background');

const NYT = 'https://www.nytimes.com/2015/09/17/technology/china-tries-to-extract-pledge-of-compliance-from-us-tech-firms.html';

/** Everything JavaScript values can be, including sparse arrays, null prototypes and odd numbers. */
const anything = fc.anything({
  maxDepth: 4,
  maxKeys: 6,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});

const oddNumber = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-1, 0, 2 ** 32, 2 ** 32 - 1, NaN, Infinity, -0, Number.MAX_SAFE_INTEGER + 2));
/** Page text: real words (so the background's hashing and lookup run), any strings, lengths around the cap, and non-strings. */
const text = fc.oneof(
  fc.array(fc.constantFrom('Beijing', 'pledge', 'compliance', 'technology', 'companies', 'the', '北京', 'café', '\u00ad', '\n'), { maxLength: 200 }).map((words) => words.join(' ')),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(MAX_TEXT - 1, MAX_TEXT, MAX_TEXT + 1).map((length) => 'x '.repeat(length).slice(0, length)),
  anything,
);
const url = fc.oneof(fc.webUrl(), fc.string({ maxLength: 50 }), fc.constant(NYT), fc.constant(null), anything);

/** Messages close to the protocol's shapes, with any part wrong. */
const nearMessage = fc.record(
  {
    type: fc.oneof(fc.constantFrom('page', 'notes', 'count', 'PAGE', 'settings', '__proto__', ''), anything),
    page: fc.oneof(fc.record({ url, canonical: url, ogUrl: url, text }, { requiredKeys: [] }), anything),
    count: fc.oneof(oddNumber, anything),
    extra: anything,
  },
  { requiredKeys: [] },
);

/** Messages the protocol allows, with any values it allows. */
const validMessage = fc.oneof(
  fc.record({
    type: fc.constantFrom('page', 'notes'),
    page: fc.record({
      url: fc.oneof(fc.webUrl(), fc.constant(NYT), fc.string({ maxLength: 30 })),
      canonical: fc.option(fc.oneof(fc.webUrl(), fc.constant(NYT)), { nil: null }),
      ogUrl: fc.option(fc.webUrl(), { nil: null }),
      text: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), text.filter((t): t is string => typeof t === 'string' && t.length <= MAX_TEXT)),
    }),
  }),
  fc.record({ type: fc.constant('count'), count: fc.nat({ max: 10_000 }) }),
);

const OWN = 'counterpoint@test';
const sender = fc.record(
  {
    id: fc.oneof(fc.constant(OWN), fc.string({ maxLength: 40 }), anything),
    url: fc.oneof(fc.constant(NYT), fc.webUrl(), fc.constantFrom('chrome-extension://x/options.html', 'about:blank', 'data:text/html,x', 'file:///a'), anything),
    frameId: fc.oneof(fc.constant(0), fc.integer(), anything),
    tab: fc.oneof(fc.record({ id: fc.oneof(fc.nat(), oddNumber, anything) }, { requiredKeys: [] }), anything),
  },
  { requiredKeys: [] },
);

/** The protocol, restated independently of its valibot schema. */
function isValidMessage(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  if (m.type === 'count') return Object.keys(m).length === 2 && Number.isInteger(m.count) && (m.count as number) >= 0 && (m.count as number) <= 10_000;
  if (m.type !== 'page' && m.type !== 'notes') return false;
  const p = m.page as Record<string, unknown> | null;
  if (typeof p !== 'object' || p === null || Object.keys(m).length !== 2) return false;
  const optional = (u: unknown) => u === null || (typeof u === 'string' && u.length <= 8192);
  if (typeof p.url !== 'string' || p.url.length > 8192 || !optional(p.canonical) || !optional(p.ogUrl)) return false;
  return typeof p.text === 'string' && p.text.length <= MAX_TEXT;
}

describe('parseContentMessage under fuzzing', () => {
  it('never throws, and returns only messages the protocol allows (any value at all)', () => {
    fc.assert(
      fc.property(anything, (value) => {
        const parsed = parseContentMessage(value);
        expect(parsed === null || isValidMessage(parsed)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('never throws on near-messages; accepts exactly the valid ones', () => {
    fc.assert(
      fc.property(nearMessage, (value) => {
        const parsed = parseContentMessage(value);
        if (parsed !== null) expect(isValidMessage(parsed)).toBe(true);
        // Whatever the protocol allows is accepted (unknown fields are dropped, not fatal).
        const stripped = value.type === 'count' ? { type: value.type, count: value.count } : { type: value.type, page: value.page };
        if (isValidMessage(stripped) && typeof value.page === 'object' && value.page !== null && Object.keys(value.page).length === 4) expect(parsed).not.toBeNull();
      }),
      { numRuns: 5000 },
    );
  });
});

describe('isOwnTopFrameContentScript under fuzzing', () => {
  it('never throws on any sender, and accepts only own top-frame content scripts on http(s) pages', () => {
    fc.assert(
      fc.property(fc.oneof(sender, anything), (value) => {
        const ok = isOwnTopFrameContentScript(value as SenderLike, OWN);
        expect(typeof ok).toBe('boolean');
        if (!ok) return;
        const s = value as SenderLike;
        expect(s.id).toBe(OWN);
        expect(s.frameId).toBe(0);
        expect(Number.isInteger(s.tab?.id) && s.tab!.id! >= 0).toBe(true);
        expect(s.url).toMatch(/^https?:\/\//i);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('the content-script handler under fuzzing', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('never throws or rejects, answers only valid messages from own top-frame content scripts, and changes nothing for the rest', async () => {
    const id = fakeBrowser.runtime.id;
    const own = fc.record({ id: fc.constant(id), url: fc.constant(NYT), frameId: fc.constant(0), tab: fc.record({ id: fc.nat({ max: 50 }) }) });
    const badge = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    const stored = vi.spyOn(fakeBrowser.storage.local, 'set');
    let accepted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(validMessage, nearMessage, anything), fc.oneof(own, sender, anything), async (message, from) => {
        badge.mockClear();
        let reply: unknown;
        try {
          reply = await handleContentMessage(message, from as SenderLike);
        } catch (error) {
          throw new Error(`handler threw for ${String(JSON.stringify(message))?.slice(0, 200)}: ${String(error)}`, { cause: error });
        }
        expect(stored).not.toHaveBeenCalled();
        if (!isOwnTopFrameContentScript(from as SenderLike, id) || parseContentMessage(message) === null) {
          refused += 1;
          expect(reply).toBeNull();
          expect(badge).not.toHaveBeenCalled();
          return;
        }
        accepted += 1;
        const parsed = parseContentMessage(message)!;
        if (parsed.type === 'count') expect(reply).toBeNull();
        else if (parsed.type === 'page') expect(typeof (reply as { maybe: unknown }).maybe).toBe('boolean');
        else expect(Array.isArray((reply as { notes: unknown }).notes)).toBe(true);
      }),
      { numRuns: 3000 },
    );
    console.info(`handler fuzz: ${accepted} accepted, ${refused} refused`);
    // Both sides were exercised.
    expect(accepted).toBeGreaterThan(200);
    expect(refused).toBeGreaterThan(1000);
  });

  it('answers the real questions of the always-on script and the overlay', async () => {
    const from = { id: fakeBrowser.runtime.id, url: NYT, frameId: 0, tab: { id: 3 } };
    const page = { url: NYT, canonical: NYT, ogUrl: null, text: 'Beijing asked technology companies to pledge compliance.' };
    expect(await handleContentMessage({ type: 'page', page }, from)).toEqual({ maybe: true });
    const notes = (await handleContentMessage({ type: 'notes', page }, from)) as { article: { outlet: string } | null; notes: unknown[] };
    expect(notes.article?.outlet).toBe('The New York Times');
    expect(notes.notes.length).toBeGreaterThan(0);
    expect(await handleContentMessage({ type: 'page', page }, { ...from, frameId: 2 })).toBeNull();
    expect(await handleContentMessage({ type: 'page', page }, { ...from, id: 'another-extension' })).toBeNull();
    // A page the datasets do not know, by address or by text: no.
    const unrelated = { url: 'https://example.org/x', canonical: null, ogUrl: null, text: 'Nothing here about anything disputed at all, only weather and gardens today.' };
    expect(await handleContentMessage({ type: 'page', page: unrelated }, { ...from, url: unrelated.url })).toEqual({ maybe: false });
  });
});
