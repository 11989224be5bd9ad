/**
 * Text normalisation shared by quotes and page text, so that typography never stops a match:
 * NFKC, one form for quotes, dashes and spaces, no invisible characters, single spaces, lower case.
 * `normaliseWithMap` also returns, for each output character, the index of the source character it came from.
 */

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u2035\u02BC\u0060\u00B4]/;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB\u300C\u300D\u300E\u300F\u301D\u301E\u301F\uFF02]/;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D\u2E3A\u2E3B]/;
const SPACES = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/;
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF\u180E]/;

/** The normalised form of one code point: '' for invisible characters, ' ' for any space. */
export function normaliseCodePoint(ch: string): string {
  if (INVISIBLE.test(ch)) return '';
  if (SPACES.test(ch)) return ' ';
  if (SINGLE_QUOTES.test(ch)) return "'";
  if (DOUBLE_QUOTES.test(ch)) return '"';
  if (DASHES.test(ch)) return '-';
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x80) return ch.toLowerCase();
  const folded = ch.normalize('NFKC').toLowerCase();
  // NFKC can itself produce quotes or spaces (full-width forms): fold those once more.
  return folded.length === 1 && folded !== ch ? normaliseCodePoint(folded) : folded;
}

export interface MappedText {
  /** The normalised text. */
  text: string;
  /** For each UTF-16 unit of `text`, the UTF-16 index in the source it came from. */
  map: number[];
}

const cache = new Map<number, string>();

/** normaliseCodePoint with a fast path for ASCII and a cache for the rest (same results). */
function foldCode(code: number, ch: string): string {
  if (code < 0x80) {
    if (code === 32 || (code >= 9 && code <= 13)) return ' ';
    if (code >= 65 && code <= 90) return String.fromCharCode(code + 32);
    if (code === 0x60) return "'";
    return ch;
  }
  let folded = cache.get(code);
  if (folded === undefined) {
    folded = normaliseCodePoint(ch);
    if (cache.size < 20_000) cache.set(code, folded);
  }
  return folded;
}

/**
 * Normalise `source`, collapsing whitespace runs into one space and trimming both ends.
 */
export function normaliseWithMap(source: string): MappedText {
  const out: string[] = [];
  const map: number[] = [];
  let lastWasSpace = true; // drops leading whitespace
  const n = source.length;
  for (let i = 0; i < n; ) {
    const code = source.charCodeAt(i);
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      const low = source.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) width = 2;
    }
    const ch = width === 1 ? source[i]! : source.slice(i, i + 2);
    const piece = foldCode(width === 1 ? code : (ch.codePointAt(0) ?? code), ch);
    if (piece.length === 1) {
      if (piece === ' ') {
        if (!lastWasSpace) {
          lastWasSpace = true;
          out.push(' ');
          map.push(i);
        }
      } else {
        lastWasSpace = false;
        out.push(piece);
        map.push(i);
      }
    } else if (piece.length > 1) {
      for (const unit of piece) {
        if (unit === ' ') {
          if (lastWasSpace) continue;
          lastWasSpace = true;
        } else {
          lastWasSpace = false;
        }
        for (let k = 0; k < unit.length; k++) {
          out.push(unit[k]!);
          map.push(i);
        }
      }
    }
    i += width;
  }
  if (out[out.length - 1] === ' ') {
    out.pop();
    map.pop();
  }
  return { text: out.join(''), map };
}

/** Normalised text without the map: for quotes and for comparing strings. */
export function normalise(source: string): string {
  return normaliseWithMap(source).text;
}
