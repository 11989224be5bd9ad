/**
 * The extent and language of similar-claim notes: one sentence each, never two on one sentence,
 * sentences cut by Intl.Segmenter (not at "U.S." or "Mr.", always at 。！？ and line breaks), CJK
 * compared by words, and no note on a sentence that repeats a claim in order to deny it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyClaims, type ClaimTexts, type Verified } from '../../../lib/core/similar/verify';
import { contentWords, sentences } from '../../../lib/core/similar/words';

const NAMES = ['The New York Times', 'Global Times'];

const TERMS: ClaimTexts = {
  key: 'terms',
  texts: [
    "they would not harm China's national security and would store Chinese user data within the country",
    "The Chinese government sent certain US tech firms a document earlier in the summer asking them to promise that they would not harm China's national security and would store Chinese user data within the country.",
    '不会损害中国的国家安全，并将中国用户数据存储在中国境内',
  ],
  rebuttals: ['The official of a related government department who asked for anonymity told the Global Times on Friday that it was an "inaccurate report."'],
  names: NAMES,
};

const PENALTIES: ClaimTexts = {
  key: 'penalties',
  texts: [
    "could bring fresh restrictions or penalties for companies in China's enormous market",
    "The pledge's wording was similar to China's National Security Law adopted in July, and refusing to sign it could bring fresh restrictions or penalties for companies in China's market.",
  ],
  rebuttals: [],
  names: NAMES,
};

const TIMING: ClaimTexts = {
  key: 'timing',
  texts: ["While it was unclear, the government may expect some sign of response from the firms at a tech forum in Seattle with Lu Wei during President Xi Jinping's state visit to the US, or at an Internet conference later in the year."],
  rebuttals: [],
  names: NAMES,
};

const REPEATS_TERMS = "The Times reported that firms were asked to promise that they would not harm China's national security and would store Chinese user data within the country.";
const REPEATS_PENALTIES = "Refusing to sign could bring fresh restrictions or penalties for companies in China's enormous market, the paper said.";

/** The sentence spans of an article, as "start-end". */
function spans(article: string): Set<string> {
  return new Set(sentences(article).map((s) => `${s.start}-${s.end}`));
}

function expectOneSentenceEach(article: string, found: readonly Verified[]): void {
  const all = spans(article);
  for (const v of found) expect(all.has(`${v.start}-${v.end}`), article.slice(v.start, v.end)).toBe(true);
  const sorted = [...found].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.start).toBeGreaterThanOrEqual(sorted[i - 1]!.end);
}

describe('sentences', () => {
  it('does not end a sentence at an abbreviation or an initial', () => {
    expect(sentences('Mr. Obama said so. The U.S. Senate voted. John F. Kennedy left. Dr. Li left, e.g. today.').map((s) => s.text)).toEqual([
      'Mr. Obama said so.',
      'The U.S. Senate voted.',
      'John F. Kennedy left.',
      'Dr. Li left, e.g. today.',
    ]);
  });

  it('ends sentences at full-width 。！？ and at line breaks, with offsets into the text', () => {
    const text = '他指出。报道称，可能面临处罚！对吗？\nAdvertisement\n  The report said it.';
    const found = sentences(text);
    expect(found.map((s) => s.text)).toEqual(['他指出。', '报道称，可能面临处罚！', '对吗？', 'Advertisement', 'The report said it.']);
    for (const s of found) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('contentWords in CJK', () => {
  it('is words from Intl.Segmenter, without function words, not character bigrams', () => {
    const words = contentWords('中国的国家安全');
    expect(words).toContain('中国');
    expect(words).not.toContain('的');
    expect(words).not.toContain('的国');
    expect(words).not.toContain('家安');
  });
});

describe('similar-claim extent', () => {
  it('marks one sentence of a claim a rewrite spreads over three', () => {
    const article = 'Markets were calm. It is unclear when the government expects a response. Officials may look for some sign from the companies at a tech forum in Seattle next week, where Lu Wei is scheduled to meet executives during President Xi Jinping\'s state visit. Another opportunity could come at an Internet conference later in the year. Trading resumed.';
    const found = verifyClaims(article, [TIMING]);
    expect(found.map((v) => article.slice(v.start, v.end))).toEqual([
      "Officials may look for some sign from the companies at a tech forum in Seattle next week, where Lu Wei is scheduled to meet executives during President Xi Jinping's state visit.",
    ]);
  });

  it('gives no note to a claim spread evenly over sentences, none of which carries half of it', () => {
    const article = "The government may expect some sign of response from the firms. It could come at a tech forum in Seattle with Lu Wei. That would be during President Xi Jinping's state visit to the US, or at an Internet conference later in the year.";
    expect(verifyClaims(article, [TIMING])).toEqual([]);
  });

  it('gives one sentence that carries two claims to the stronger one only', () => {
    const article = `Markets were calm. ${REPEATS_TERMS.slice(0, -1)}, and that refusing to sign could bring fresh restrictions or penalties for companies in China's enormous market. Trading resumed.`;
    const [terms] = verifyClaims(article, [TERMS]);
    const [penalties] = verifyClaims(article, [PENALTIES]);
    // Each claim alone is verified at that sentence: together, only the stronger keeps it.
    expect(terms && penalties && terms.start === penalties.start).toBe(true);
    const stronger = terms!.score >= penalties!.score ? 'terms' : 'penalties';
    const found = verifyClaims(article, [TERMS, PENALTIES]);
    expect(found.map((v) => v.key)).toEqual([stronger]);
  });

  it('puts two claims in two sentences on those two sentences', () => {
    const article = `Markets were calm. ${REPEATS_TERMS} ${REPEATS_PENALTIES} Trading resumed.`;
    const found = verifyClaims(article, [TERMS, PENALTIES]);
    expect(found.map((v) => [v.key, article.slice(v.start, v.end)]).sort()).toEqual([
      ['penalties', REPEATS_PENALTIES],
      ['terms', REPEATS_TERMS],
    ]);
  });

  it('never gives a note more than one sentence, nor two notes one sentence (any mix of sentences)', () => {
    const pool = [
      REPEATS_TERMS,
      REPEATS_PENALTIES,
      "Beijing sent American firms a document this summer.",
      "The firms were asked to promise they would not harm China's national security.",
      'They would store Chinese user data within the country, and refusing could bring penalties in China\'s market.',
      'Officials may look for some sign from the companies at a tech forum in Seattle during President Xi Jinping\'s state visit.',
      'It is unclear when the government expects a response.',
      'Another opportunity could come at an Internet conference later in the year.',
      'Markets were calm on Tuesday.',
      'Mr. Lu met U.S. executives.',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 8 }), fc.array(fc.constantFrom(' ', '\n', '\n\n  '), { minLength: 8, maxLength: 8 }), (parts, gaps) => {
        const article = parts.map((p, i) => `${p}${gaps[i]}`).join('');
        const found = verifyClaims(article, [TERMS, PENALTIES, TIMING]);
        expectOneSentenceEach(article, found);
        expect(new Set(found.map((v) => v.key)).size).toBe(found.length);
      }),
    );
  });
});

describe('a sentence that quotes a claim to deny it', () => {
  const CLAIM = "firms were asked to promise that they would not harm China's national security and would store Chinese user data within the country";

  it.each([
    ['"the claim that X is false"', `Markets were calm. The claim that ${CLAIM} is false. Trading resumed.`],
    ['"the report that X is inaccurate"', `Markets were calm. The report that ${CLAIM} is inaccurate, a spokesman said. Trading resumed.`],
    ['"it is not true that X"', `Markets were calm. It is not true that ${CLAIM}. Trading resumed.`],
    ['"officials dismissed the report that X"', `Markets were calm. Officials dismissed the report that ${CLAIM}. Trading resumed.`],
    ['X, then "That is false"', `Markets were calm. The Times wrote that ${CLAIM}. That is false, officials said. Trading resumed.`],
    ['X, then "This report is unfounded"', `Markets were calm. The Times wrote that ${CLAIM}. This report is unfounded, officials said. Trading resumed.`],
    ['Chinese, "纯属捏造"', '有报道称美国科技公司被要求承诺不会损害中国的国家安全，并将中国用户数据存储在中国境内，这一说法纯属捏造。其他新闻。'],
    ['Chinese, then "该报道不实"', '有报道称美国科技公司被要求承诺不会损害中国的国家安全，并将中国用户数据存储在中国境内。该报道不实。其他新闻。'],
  ])('is not badged: %s', (_name, article) => {
    expect(verifyClaims(article, [TERMS])).toEqual([]);
  });

  it('is badged when the claim is repeated, even if an unrelated denial follows', () => {
    const article = `Markets were calm. The Times reported that ${CLAIM}. Separately, the ministry denied a visa delay. Trading resumed.`;
    expect(verifyClaims(article, [TERMS]).map((v) => v.key)).toEqual(['terms']);
  });

  it('does not count a denial word the claim itself uses', () => {
    const claim: ClaimTexts = { key: 'false-data', texts: ['the agency published false unemployment data to hide the recession'], rebuttals: [], names: NAMES };
    const article = 'Markets were calm. Critics said the agency published false unemployment data to hide the recession. Trading resumed.';
    expect(verifyClaims(article, [claim]).map((v) => v.key)).toEqual(['false-data']);
  });
});
