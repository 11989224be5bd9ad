import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignInWindow, alignPassage, approximateEnds, contextSimilarity, GAP_EXTEND, GAP_OPEN } from '../../../lib/core/match/align';

describe('alignInWindow', () => {
  it('aligns an exact occurrence at no cost, with free text around it', () => {
    const a = alignInWindow('pledge of compliance', 'a report: pledge of compliance from firms')!;
    expect(a).toMatchObject({ start: 10, end: 30, cost: 0, edits: 0, skipped: 0 });
  });

  it('charges an inserted run of page text little: one gap', () => {
    const window = 'they would not harm [advertisement: subscribe today] national security';
    const a = alignInWindow('they would not harm national security', window)!;
    expect(a.edits).toBe(0);
    expect(a.skipped).toBeGreaterThan(30);
    expect(a.cost).toBeCloseTo(GAP_OPEN + GAP_EXTEND * a.skipped, 5);
  });

  it('charges each changed or missing character of the quote one', () => {
    const a = alignInWindow('store user data', 'keep user data')!;
    expect(a.edits).toBeGreaterThanOrEqual(4);
    expect(a.cost).toBe(a.edits);
  });

  it('is null for empty input', () => {
    expect(alignInWindow('', 'x')).toBeNull();
    expect(alignInWindow('x', '')).toBeNull();
  });

  it('reads back the same alignment as a DP that carries start, edits and gaps through every cell', () => {
    // The reference: the plain recurrence in the same units (25 per edit, 51 to open a gap, 1 to
    // extend it), every cell holding its whole alignment, with the same order among equal costs.
    interface Cell { cost: number; start: number; edits: number; skipped: number; firstGap: number; lastGapEnd: number }
    const reference = (quote: string, window: string) => {
      const n = window.length;
      let prev: Cell[] = Array.from({ length: n + 1 }, (_, j) => ({ cost: 0, start: j, edits: 0, skipped: 0, firstGap: -1, lastGapEnd: -1 }));
      for (let i = 1; i <= quote.length; i++) {
        const cur: Cell[] = [{ cost: 25 * i, start: 0, edits: i, skipped: 0, firstGap: -1, lastGapEnd: -1 }];
        let gap: Cell | null = null as Cell | null;
        for (let j = 1; j <= n; j++) {
          const left = cur[j - 1]!;
          const open = { ...left, cost: left.cost + 51, skipped: left.skipped + 1, firstGap: left.firstGap === -1 ? j - 1 : left.firstGap };
          const extended: Cell | null = gap && gap.cost + 1 < open.cost ? { ...gap, cost: gap.cost + 1, skipped: gap.skipped + 1 } : null;
          gap = extended ?? open;
          const same = quote[i - 1] === window[j - 1];
          const options: Cell[] = [
            { ...prev[j - 1]!, cost: prev[j - 1]!.cost + (same ? 0 : 25), edits: prev[j - 1]!.edits + (same ? 0 : 1) },
            { ...prev[j]!, cost: prev[j]!.cost + 25, edits: prev[j]!.edits + 1 },
            { ...left, cost: left.cost + 25, edits: left.edits + 1 },
            { ...gap, lastGapEnd: j },
          ];
          cur[j] = options.reduce((best, option) => (option.cost < best.cost ? option : best));
        }
        prev = cur;
      }
      let end = 1;
      for (let j = 2; j <= n; j++) if (prev[j]!.cost < prev[end]!.cost) end = j;
      const { cost, ...rest } = prev[end]!;
      return { ...rest, end, cost: cost / 25 };
    };
    // A small alphabet, so that windows hold the quote with edits, insertions and repeats.
    const text = (max: number) => fc.array(fc.constantFrom('a', 'b', 'c', ' '), { minLength: 1, maxLength: max }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text(12), text(16), text(16), text(30), (quote, before, inserted, after) => {
        const cut = Math.floor(quote.length / 2);
        for (const window of [before + quote + after, before + quote.slice(0, cut) + inserted + quote.slice(cut) + after, inserted]) {
          const got = alignInWindow(quote, window)!;
          const want = reference(quote, window);
          expect({ ...got, cost: Math.round(got.cost * 25) }).toEqual({ ...want, cost: Math.round(want.cost * 25) });
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('gives up only on windows whose best alignment costs more than the bound', () => {
    const text = (max: number) => fc.array(fc.constantFrom('a', 'b', 'c', ' '), { minLength: 1, maxLength: max }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text(12), text(40), fc.integer({ min: 0, max: 12 }), (quote, window, bound) => {
        const full = alignInWindow(quote, window)!;
        const bounded = alignInWindow(quote, window, bound / 4);
        if (full.cost <= bound / 4) expect(bounded).toEqual(full);
        else expect(bounded).toBeNull();
        const passage = alignPassage(quote, window)!;
        expect(alignPassage(quote, window, bound / 4)).toEqual(passage.cost <= bound / 4 ? passage : null);
      }),
      { numRuns: 500, seed: 11 },
    );
  });
});

describe('alignPassage', () => {
  it('does not reach back across a long run of text for an edited first word', () => {
    const quote = 'firefox mobile is currently available for android 2.';
    const window = 'the firefox sync, add-ons support and tabbed browsing.[50] several new mobile is currently available for android 2. 2 and above';
    expect(alignInWindow(quote, window)!.start).toBe(window.indexOf('firefox sync'));
    const a = alignPassage(quote, window)!;
    expect(a.start).toBeGreaterThan(window.indexOf('[50]'));
    expect(window.slice(a.start, a.end)).toMatch(/mobile is currently available for android 2\.$/);
  });

  it('does not reach forward across a long run of text for an edited last word', () => {
    const quote = 'and that material, shared with quanta, provides a fuller, fairer account of the birth of chaos.';
    const window = 'on that seminal paper. and that material, shared with officials, provides a fuller, fairer account of the new of chaos. the birth of chaos in the fall of 2017, the geophysicist';
    expect(alignInWindow(quote, window)!.end).toBe(window.indexOf(' in the fall'));
    const a = alignPassage(quote, window)!;
    expect(window.slice(a.start, a.end)).toBe('and that material, shared with officials, provides a fuller, fairer account of the new of chaos.');
  });

  it('still bridges a box inserted before the last word of the quote', () => {
    const quote = 'error() simply returns an error response.';
    const window = 'the static method response. error() simply returns an error watch: what the new rules mean for you (2:14) response. similarly, response.redirect';
    const a = alignPassage(quote, window)!;
    expect(window.slice(a.start, a.end)).toBe('error() simply returns an error watch: what the new rules mean for you (2:14) response.');
  });

  it('still bridges a box inserted near the end of the quote', () => {
    const quote = 'refusing to sign the pledge could bring fresh restrictions or penalties for companies';
    const window = 'but refusing to sign the pledge could bring fresh restrictions or [advertisement: subscribe today] penalties for companies in china';
    const a = alignPassage(quote, window)!;
    expect(window.slice(a.start, a.end)).toBe('refusing to sign the pledge could bring fresh restrictions or [advertisement: subscribe today] penalties for companies');
  });
});

describe('contextSimilarity', () => {
  it('compares a prefix by its end and a suffix by its start', () => {
    expect(contextSimilarity('told the times', 'he told the times', true)).toBe(1);
    expect(contextSimilarity('in july.', 'in july. more', false)).toBe(1);
    expect(contextSimilarity('in july.', 'completely other', false)).toBeLessThan(0.5);
    expect(contextSimilarity('', 'x', true)).toBe(1);
    expect(contextSimilarity('x', '', true)).toBe(0);
  });
});

describe('approximateEnds', () => {
  it('finds the ends of near matches, one per run, and agrees with a plain edit-distance scan', () => {
    const text = 'the quick brown fox jumps over the lazy dog; the quikc brown fox jumped over a lazy dog';
    const pattern = 'quick brown fox jumps';
    const ends = approximateEnds(text, pattern, 3).map((m) => m.end);
    // "quikc ... jump" or "quikc ... jumpe": 3 edits either way; the first end of the run is kept.
    expect(ends).toEqual([text.indexOf('jumps') + 5, text.indexOf('jumped') + 4]);
    expect(approximateEnds(text, pattern, 0)).toEqual([{ end: text.indexOf('jumps') + 5, errors: 0 }]);
    // Reference: the fewest edits of the pattern against any substring ending at j (free start).
    const fewest = (end: number) => {
      let row = Array.from({ length: pattern.length + 1 }, (_, i) => i);
      for (let j = 0; j < end; j++) {
        const next = [0];
        for (let i = 1; i <= pattern.length; i++) next[i] = Math.min(row[i - 1]! + (pattern[i - 1] === text[j] ? 0 : 1), row[i]! + 1, next[i - 1]! + 1);
        row = next;
      }
      return row[pattern.length]!;
    };
    for (const { end, errors } of approximateEnds(text, pattern, 6)) expect(fewest(end)).toBe(errors);
    expect(ends.map(fewest)).toEqual([0, 3]);
  });

  it('takes a 32-unit pattern and searches only inside [from, to)', () => {
    const pattern = 'abcdefghijklmnopqrstuvwxyz012345';
    const text = `xx${pattern}yy${pattern}`;
    expect(approximateEnds(text, pattern, 0).map((m) => m.end)).toEqual([34, 68]);
    expect(approximateEnds(text, pattern, 0, 35).map((m) => m.end)).toEqual([68]);
    expect(() => approximateEnds(text, `${pattern}6`, 2)).toThrow(RangeError);
  });
});
