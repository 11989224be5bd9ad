import { describe, expect, it } from 'vitest';
import { normalise, normaliseCodePoint, normaliseWithMap } from '../../lib/core/text/normalise';

describe('normalise', () => {
  it('turns curly single quotes into a straight apostrophe', () => {
    expect(normalise('\u2018it\u2019s\u2019')).toBe("'it's'");
    expect(normalise('China\u2019s')).toBe("china's");
  });

  it('turns curly double quotes, guillemets and corner brackets into a straight double quote', () => {
    expect(normalise('\u201Cpledge\u201D')).toBe('"pledge"');
    expect(normalise('\u00ABpledge\u00BB')).toBe('"pledge"');
    expect(normalise('\u300Cpledge\u300D')).toBe('"pledge"');
    expect(normalise('\u300E\u5F15\u7528\u300F')).toBe('"\u5F15\u7528"');
    expect(normalise('\u201Epledge\u201F')).toBe('"pledge"');
  });

  it('turns every dash into a hyphen-minus', () => {
    const dashes = ['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63', '\uFF0D', '\u2E3A', '\u2E3B'];
    for (const dash of dashes) expect(normalise(`a${dash}b`), `U+${dash.codePointAt(0)!.toString(16)}`).toBe('a-b');
  });

  it('turns no-break, thin, narrow and ideographic spaces into a plain space', () => {
    expect(normalise('a\u00A0b')).toBe('a b');
    expect(normalise('a\u2009b')).toBe('a b');
    expect(normalise('a\u202Fb')).toBe('a b');
    expect(normalise('a\u3000b')).toBe('a b');
    expect(normalise('a\tb\nc\r\nd')).toBe('a b c d');
  });

  it('removes the soft hyphen and zero-width characters', () => {
    expect(normalise('pro\u00ADtest')).toBe('protest');
    expect(normalise('a\u200Bb\u200Cc\u200Dd\u2060e\uFEFFf')).toBe('abcdef');
  });

  it('collapses whitespace runs into one space and trims both ends', () => {
    expect(normalise('  \n\t hello   \u00A0\u2009 world \n ')).toBe('hello world');
    expect(normalise('\u00A0\u3000')).toBe('');
    expect(normalise('')).toBe('');
  });

  it('does not let a removed invisible character split a space run', () => {
    expect(normalise('a \u200B b')).toBe('a b');
  });

  it('lower-cases', () => {
    expect(normalise('The New York TIMES')).toBe('the new york times');
    expect(normalise('\u00C9COLE')).toBe('\u00E9cole');
  });

  it('applies NFKC to full-width letters, digits and punctuation', () => {
    expect(normalise('\uFF21\uFF22\uFF23')).toBe('abc');
    expect(normalise('\uFF11\uFF12')).toBe('12');
    expect(normalise('\u4E2D\u56FD\uFF0C\u7F8E\u56FD')).toBe('\u4E2D\u56FD,\u7F8E\u56FD');
    expect(normalise('\uFB01nance')).toBe('finance');
  });

  it('folds full-width quotes produced by NFKC once more', () => {
    // U+FF07 FULLWIDTH APOSTROPHE is not in the quote table; NFKC makes it "'", which stays "'".
    expect(normalise('\uFF07x\uFF07')).toBe("'x'");
    expect(normalise('\uFF02x\uFF02')).toBe('"x"');
    // U+FE31 PRESENTATION FORM FOR VERTICAL EM DASH: NFKC gives U+2014, which is then folded to '-'.
    expect(normalise('a\uFE31b')).toBe('a-b');
  });

  it('makes a typographically dressed sentence equal to its plain form', () => {
    const fancy = '\u201CThe \uFF50ledge\u201D\u00A0is a\u00AD letter \u2014 China\u2019s  view';
    expect(normalise(fancy)).toBe(normalise('"The pledge" is a letter - China\'s view'));
  });

  // NFKC of a sequence composes a base letter and a combining mark; per-code-point NFKC does not,
  // so a quote in decomposed form (NFD, common when text is copied on macOS) never matches a page
  // in composed form. See the report.
  it('gives the same text for composed and decomposed accents', () => {
    expect(normalise('cafe\u0301')).toBe(normalise('caf\u00E9'));
  });
});

describe('normaliseCodePoint', () => {
  it('returns the empty string for invisible characters and a space for any space', () => {
    expect(normaliseCodePoint('\u00AD')).toBe('');
    expect(normaliseCodePoint('\u200B')).toBe('');
    expect(normaliseCodePoint('\u3000')).toBe(' ');
    expect(normaliseCodePoint('\n')).toBe(' ');
  });

  it('expands a ligature and keeps an emoji', () => {
    expect(normaliseCodePoint('\uFB01')).toBe('fi');
    expect(normaliseCodePoint('\u{1F600}')).toBe('\u{1F600}');
  });
});

describe('normaliseWithMap', () => {
  const codePointAt = (source: string, index: number): string => String.fromCodePoint(source.codePointAt(index)!);

  it('maps every output unit back to the source character it came from', () => {
    const source = '  \u201CHi\u201D\u00A0\u00A0there\u2014\uFB01ne \u{1F600} \uFF21\u00ADb\u200B\u3002\u2019s\t ';
    const { text, map } = normaliseWithMap(source);
    expect(text).toBe('"hi" there-fine \u{1F600} ab\u3002\'s');
    expect(map).toHaveLength(text.length);
    for (let i = 0; i < text.length; i++) {
      const from = codePointAt(source, map[i]!);
      // The source character at map[i] normalises to a piece that contains this output unit.
      expect(normaliseCodePoint(from), `output ${i} (${JSON.stringify(text[i])}) from source ${map[i]}`).toContain(text[i]!);
    }
  });

  it('gives exact source indices for a mixed string with an astral character and a ligature', () => {
    const source = 'x\u{1F600}\uFB01 \u201C\uFF21\u201D\u00AD\u2014\u00E9';
    const { text, map } = normaliseWithMap(source);
    expect(text).toBe('x\u{1F600}fi "a"-\u00E9');
    // x, both surrogates of 😀 (index 1), both letters of ﬁ (index 3), the space, “, Ａ, ”, — (the soft hyphen at 8 is gone), é.
    expect(map).toEqual([0, 1, 1, 3, 3, 4, 5, 6, 7, 9, 10]);
  });

  it('maps a collapsed space run to its first space and drops leading and trailing space', () => {
    const source = '   ab \u00A0 \t cd  ';
    const { text, map } = normaliseWithMap(source);
    expect(text).toBe('ab cd');
    expect(map).toEqual([3, 4, 5, 10, 11]);
  });

  it('has a non-decreasing map, so a normalised range maps to a source range', () => {
    const source = 'One \u201Cpledge\u201D\u2014 or a le\u00ADtter?  \u{1F4DC}\uFB02ow';
    const { text, map } = normaliseWithMap(source);
    for (let i = 1; i < map.length; i++) expect(map[i]!).toBeGreaterThanOrEqual(map[i - 1]!);
    const start = text.indexOf('letter');
    const end = start + 'letter'.length;
    expect(source.slice(map[start], map[end - 1]! + 1)).toBe('le\u00ADtter');
  });
});
