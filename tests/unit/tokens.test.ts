import { describe, expect, it } from 'vitest';
import { addNgramHashes, contentTokens, fnv1a, NGRAM, textHashes, tokenText } from '../../lib/core/text/tokens';

describe('contentTokens', () => {
  it('drops stop words and splits on punctuation', () => {
    expect(contentTokens('the official of a related government department told the global times')).toEqual([
      'official',
      'related',
      'government',
      'department',
      'told',
      'global',
      'times',
    ]);
    expect(contentTokens('pledge,letter;china-japan "tech" firms.(ciscc)')).toEqual(['pledge', 'letter', 'china', 'japan', 'tech', 'firms', 'ciscc']);
  });

  it("treats an apostrophe as a separator, so the possessive 's is dropped as a stop word", () => {
    expect(contentTokens("china's security")).toEqual(['china', 'security']);
    expect(contentTokens('china\u2019s security')).toEqual(['china', 'security']);
  });

  it('keeps digits and letters with diacritics as word characters', () => {
    expect(contentTokens('covid-19 in 2015 caf\u00e9')).toEqual(['covid', '19', '2015', 'caf\u00e9']);
  });

  it('turns Chinese text into overlapping character bigrams', () => {
    expect(contentTokens('\u4E2D\u56FD\u653F\u5E9C')).toEqual(['\u4E2D\u56FD', '\u56FD\u653F', '\u653F\u5E9C']);
  });

  it('keeps a lone CJK character as one token', () => {
    expect(contentTokens('\u4E2D')).toEqual(['\u4E2D']);
  });

  it('splits mixed CJK and Latin runs and drops stop words in the Latin parts', () => {
    expect(contentTokens('the china\u4E2D\u56FD\u653F\u5E9Cabc, of \u65E5\u672C')).toEqual([
      'china',
      '\u4E2D\u56FD',
      '\u56FD\u653F',
      '\u653F\u5E9C',
      'abc',
      '\u65E5\u672C',
    ]);
    expect(contentTokens('the\u4E2D\u56FDof')).toEqual(['\u4E2D\u56FD']);
  });

  it('bigrams Japanese kana too', () => {
    expect(contentTokens('\u30C6\u30AD\u30B9\u30C8')).toEqual(['\u30C6\u30AD', '\u30AD\u30B9', '\u30B9\u30C8']);
  });

  it('returns nothing for text of stop words and punctuation only', () => {
    expect(contentTokens('the and of, to -- "it"')).toEqual([]);
  });
});

describe('fnv1a', () => {
  it('matches the published FNV-1a 32-bit values', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('is an unsigned 32-bit integer and differs for different strings', () => {
    const hash = fnv1a('\u4E2D\u56FD \u653F\u5E9C pledge');
    expect(Number.isInteger(hash)).toBe(true);
    expect(hash).toBeGreaterThanOrEqual(0);
    expect(hash).toBeLessThanOrEqual(0xffffffff);
    expect(fnv1a('ab')).not.toBe(fnv1a('ba'));
  });
});

describe('tokenText', () => {
  it('lower-cases and removes invisible characters only', () => {
    expect(tokenText('Pro\u00ADTest\u200B Ze\uFEFFro \u2014 \u201Cx\u201D')).toBe('protest zero \u2014 \u201Cx\u201D');
  });
});

describe('addNgramHashes', () => {
  it('hashes each run of NGRAM tokens joined by spaces', () => {
    expect(NGRAM).toBe(3);
    const hashes = addNgramHashes(['a', 'b', 'c', 'd'], new Set());
    expect(hashes).toEqual(new Set([fnv1a('a b c'), fnv1a('b c d')]));
  });

  it('gives nothing for fewer than NGRAM tokens and stops at the limit', () => {
    expect(addNgramHashes(['a', 'b'], new Set()).size).toBe(0);
    const many = Array.from({ length: 50 }, (_, i) => `w${i}`);
    expect(addNgramHashes(many, new Set(), 10).size).toBe(10);
  });
});

describe('textHashes', () => {
  const plain = "A senior official on Friday disputed a report in The New York Times that China's government urged US tech companies to comply.";

  it('hashes content-word trigrams', () => {
    expect(textHashes('Senior official disputed report')).toEqual(new Set([fnv1a('senior official disputed'), fnv1a('official disputed report')]));
  });

  it('is the same across typography: curly apostrophes, soft hyphens, zero-width spaces, dashes, case and spacing', () => {
    const dressed =
      'A  senior\u00A0of\u00ADficial on FRIDAY disputed a report in The New\u200B York Times \u2014 that China\u2019s government urged US tech com\u00ADpanies to comply.';
    expect(textHashes(dressed)).toEqual(textHashes(plain));
    expect(textHashes(plain).size).toBeGreaterThan(5);
  });

  it('is different for different text', () => {
    const other = 'A junior official on Monday confirmed a report in The Washington Post that the government asked banks to comply.';
    const a = textHashes(plain);
    const b = textHashes(other);
    const shared = [...a].filter((hash) => b.has(hash));
    expect(shared).toEqual([]);
  });

  it('builds trigrams after stop words are gone ("US" reads as the stop word "us")', () => {
    expect([...textHashes('Pledge of compliance from US tech firms')]).toEqual([fnv1a('pledge compliance tech'), fnv1a('compliance tech firms')]);
  });

  it('respects the limit', () => {
    expect(textHashes(plain, 3).size).toBe(3);
  });
});

describe('addNgramHashes without building strings', () => {
  it('gives exactly fnv1a of each space-joined n-gram (the scheme stored fingerprints use)', async () => {
    const { addNgramHashes, fnv1a, NGRAM } = await import('../../lib/core/text/tokens');
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 12, unit: 'binary' }), { maxLength: 40 }), (tokens) => {
        const expected = new Set<number>();
        for (let i = 0; i + NGRAM <= tokens.length; i++) expected.add(fnv1a(tokens.slice(i, i + NGRAM).join(' ')));
        expect([...addNgramHashes(tokens, new Set())].sort()).toEqual([...expected].sort());
      }),
      { numRuns: 2000 },
    );
  });
});
