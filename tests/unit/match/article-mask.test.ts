import { describe, expect, it } from 'vitest';
import { articleMask, compactText } from '../../../lib/core/match/article-mask';
import { normalise } from '../../../lib/core/text/normalise';

const P1 = 'President Barack Obama has admitted that his failure to pass gun safety laws is the greatest frustration of his presidency.';
const P2 = 'In an interview with the BBC, Mr Obama said it was distressing not to have made progress on the issue.';

describe('articleMask', () => {
  it('marks the article, not a teaser repeating its first sentence before it', () => {
    const teaser = `Most read: ${P1} Weather: sunny.`;
    const page = normalise(`${teaser} Home News Sport ${P1} ${P2} Share this story`);
    const mask = articleMask(page, `${P1}\n${P2}`);
    const real = page.lastIndexOf(normalise(P1));
    expect(mask.coverage(real, real + normalise(P1).length)).toBe(1);
    expect(mask.coverage(page.indexOf(normalise(P1)), page.indexOf(normalise(P1)) + 40)).toBe(0);
    expect(mask.coverage(0, 10)).toBe(0);
    expect(mask.extent).toEqual({ from: real, to: page.indexOf(' share this story') });
  });

  it('covers paragraphs separated by an inserted box the article text left out', () => {
    const page = normalise(`${P1} Advertisement ${P2}`);
    const mask = articleMask(page, `${P1}${P2}`);
    expect(mask.coverage(0, normalise(P1).length)).toBe(1);
    const p2 = page.indexOf(normalise(P2));
    expect(mask.coverage(p2, page.length)).toBe(1);
    expect(mask.coverage(page.indexOf('advertisement'), page.indexOf('advertisement') + 13)).toBe(0);
  });

  it('is empty when the article is not on the page', () => {
    const mask = articleMask('nothing in common here at all', P1);
    expect(mask.intervals).toEqual([]);
    expect(mask.extent).toBeNull();
  });
});

describe('compactText', () => {
  it('drops spaces and maps back', () => {
    const { compact, toText } = compactText('ab c  d');
    expect(compact).toBe('abcd');
    expect([0, 1, 2, 3].map(toText)).toEqual([0, 1, 3, 6]);
  });
});
