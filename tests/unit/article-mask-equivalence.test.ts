/**
 * The article mask was rewritten for speed (no unit-by-unit loops over the page); its output must
 * not change. `referenceMask` below is the previous implementation, kept here only as the reference
 * the new one is compared with, on generated pages built like real ones: navigation, teasers
 * repeating article sentences, boxes inside the article, text Readability adds or drops.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreement, articleMask, compactText } from '../../lib/core/match/article-mask';
import { normalise } from '../../lib/core/text/normalise';

// ---- Reference only: the previous articleMask, unchanged but for names. Not used by the extension.
function referenceCompact(text: string): { compact: string; map: Int32Array } {
  const map = new Int32Array(text.length);
  const pieces: string[] = [];
  let n = 0;
  let runStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text.charCodeAt(i) !== 32) {
      map[n++] = i;
      continue;
    }
    if (i > runStart) pieces.push(text.slice(runStart, i));
    runStart = i + 1;
  }
  return { compact: pieces.join(''), map: map.subarray(0, n) };
}

function referenceMask(pageText: string, articleText: string): [number, number][] {
  const page = referenceCompact(pageText);
  const article = normalise(articleText).replace(/ /g, '');
  const found: [number, number][] = [];
  let cursor = 0;
  let expected = -1;
  const agree = (at: number, i: number): number => {
    let n = 0;
    while (n < 2000 && i + n < article.length && page.compact.charCodeAt(at + n) === article.charCodeAt(i + n)) n++;
    return n;
  };
  const place = (i: number, size: number): number => {
    const window = article.slice(i, i + size);
    if (expected >= 0 && page.compact.startsWith(window, expected)) return expected;
    let best = -1;
    let bestAgreement = -1;
    let at = page.compact.indexOf(window, cursor);
    for (let k = 0; at !== -1 && k < 8; k++) {
      const length = agree(at, i);
      if (length > bestAgreement) {
        best = at;
        bestAgreement = length;
      }
      at = page.compact.indexOf(window, at + 1);
    }
    return best;
  };
  for (let i = 0; i < article.length; ) {
    if (expected >= 0) {
      let n = 0;
      while (i + n < article.length && page.compact.charCodeAt(expected + n) === article.charCodeAt(i + n)) n++;
      if (n > 0) {
        found.push([expected, expected + n]);
        i += n;
        expected += n;
        cursor = expected;
        continue;
      }
      expected = -1;
    }
    const size = Math.min(48, article.length - i);
    if (size < 20) break;
    let at = place(i, size);
    if (at === -1) at = place(i, 20);
    if (at !== -1) expected = at;
    else i += 4;
  }
  const intervals: [number, number][] = [];
  for (const [s, e] of found.sort((a, b) => a[0] - b[0])) {
    const start = page.map[s]!;
    const end = page.map[e - 1]! + 1;
    const last = intervals[intervals.length - 1];
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else intervals.push([start, end]);
  }
  return intervals;
}
// ---- End of reference.

// A small vocabulary, so sentences repeat and windows occur more than once, as on real pages.
const word = fc.constantFrom('the', 'minister', 'said', 'on', 'Tuesday', 'that', 'talks', 'would', 'resume', 'in', 'Beijing', 'a', 'report', '“fake”', 'news', '—', 'U.S.', 'Café', 'over', 'years');
const sentence = fc.array(word, { minLength: 3, maxLength: 14 }).map((w) => `${w.join(' ')}.`);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(' '));

/** A page around an article, and the article text as Readability might return it. */
const pageAndArticle = fc
  .record({
    paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 10 }),
    before: fc.array(sentence, { maxLength: 3 }),
    after: fc.array(sentence, { maxLength: 3 }),
    teaser: fc.boolean(),
    boxes: fc.array(fc.tuple(fc.nat(), sentence), { maxLength: 3 }),
    added: fc.array(fc.tuple(fc.nat(), sentence), { maxLength: 2 }),
    dropped: fc.array(fc.nat(), { maxLength: 2 }),
    joiner: fc.constantFrom(' ', '\n', '\n\n', ''),
  })
  .map(({ paragraphs, before, after, teaser, boxes, added, dropped, joiner }) => {
    const onPage = [...paragraphs];
    for (const [at, box] of boxes) onPage.splice(at % (onPage.length + 1), 0, box);
    const head = [...before, ...(teaser ? [paragraphs[0]!.slice(0, 80)] : [])];
    const page = normalise([...head, ...onPage, ...after].join(' '));
    const inArticle = paragraphs.filter((_, i) => !dropped.some((d) => d % paragraphs.length === i));
    for (const [at, extra] of added) inArticle.splice(at % (inArticle.length + 1), 0, extra);
    return { page, article: inArticle.join(joiner) };
  });

describe('articleMask equals the previous implementation', () => {
  it('on generated pages and articles', () => {
    fc.assert(
      fc.property(pageAndArticle, ({ page, article }) => {
        expect(articleMask(page, article).intervals).toEqual(referenceMask(page, article));
      }),
      { numRuns: 400 },
    );
  });

  it('on arbitrary short texts of few letters and spaces', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'c'), maxLength: 200 });
    fc.assert(
      fc.property(text, text, (page, article) => {
        expect(articleMask(page, article).intervals).toEqual(referenceMask(page, article));
      }),
      { numRuns: 400 },
    );
  });

  it('on a long article agreeing with the page for thousands of characters', () => {
    const body = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} says the talks would resume in Beijing over ${i % 7} years.`).join(' ');
    const page = normalise(`Home News ${body.slice(0, 300)} Sport ${body} Most read ${body.slice(5000, 5400)}`);
    const mask = articleMask(page, body);
    expect(mask.intervals).toEqual(referenceMask(page, body));
    expect(mask.intervals).toHaveLength(1);
  });
});

describe('compactText', () => {
  it('maps every unit of the compact text back to the same unit of the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('x', 'y', ' '), maxLength: 120 }), (text) => {
        const ref = referenceCompact(text);
        const { compact, toText } = compactText(text);
        expect(compact).toBe(ref.compact);
        expect(Array.from({ length: compact.length }, (_, i) => toText(i))).toEqual([...ref.map]);
      }),
    );
  });
});

describe('agreement', () => {
  it('is the length of the common run, capped', () => {
    const naive = (a: string, i: number, b: string, j: number, cap: number) => {
      let n = 0;
      while (n < cap && j + n < b.length && i + n < a.length && a[i + n] === b[j + n]) n++;
      return n;
    };
    expect(agreement('xabcab', 1, 'abcab', 0, 10)).toBe(5); // up to the end of both
    expect(agreement('abcabc', 0, 'abcabc', 0, 4)).toBe(4); // up to the cap
    const text = fc.string({ unit: fc.constantFrom('a', 'b'), maxLength: 300 });
    fc.assert(
      fc.property(text, fc.nat(300), text, fc.nat(300), fc.nat(400), (a, i, b, j, cap) => {
        expect(agreement(a, i, b, j, cap)).toBe(naive(a, i, b, j, cap));
      }),
    );
  });
});
