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

/** Normalised text with its map as a typed array (the fast form; see normaliseWithMap). */
export interface PackedMappedText {
  text: string;
  map: Int32Array;
}

/** UTF-16 units to a string in chunks (the engine's argument count is limited): for text holding a lone surrogate. */
function fromUnits(units: Uint16Array, length: number): string {
  const parts: string[] = [];
  for (let i = 0; i < length; i += 8192) parts.push(String.fromCharCode.apply(null, units.subarray(i, Math.min(length, i + 8192)) as unknown as number[]));
  return parts.join('');
}

/**
 * Decodes units natively (several times faster than building the string in script); it would replace
 * a lone surrogate, so text with one is built by fromUnits. `ignoreBOM`: a leading U+FEFF is text
 * here, not a byte-order mark to drop (normalisation removes it today; the decoder must not rely on that).
 */
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });

/** normaliseWithMap, with the map as an Int32Array: what text maps over whole pages use. */
export function normalisePacked(source: string): PackedMappedText {
  const n = source.length;
  // Room for every unit still to come from ASCII (one at most per character) is kept at all times,
  // so only the path that can expand a character (NFKC: "ﬁ" to "fi") checks for it.
  let units = new Uint16Array(n + 16);
  let map = new Int32Array(n + 16);
  let length = 0;
  let lastWasSpace = true; // drops leading whitespace
  let loneSurrogate = false;
  for (let i = 0; i < n; ) {
    const code = source.charCodeAt(i);
    if (code < 0x80) {
      // ASCII fast path (the same results as foldCode).
      if (code === 32 || (code >= 9 && code <= 13)) {
        if (!lastWasSpace) {
          lastWasSpace = true;
          units[length] = 32;
          map[length++] = i;
        }
      } else {
        lastWasSpace = false;
        units[length] = code >= 65 && code <= 90 ? code + 32 : code === 0x60 ? 39 : code;
        map[length++] = i;
      }
      i++;
      continue;
    }
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      const low = source.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) width = 2;
    }
    if (width === 1 && code >= 0xd800 && code <= 0xdfff) loneSurrogate = true;
    const ch = width === 1 ? source[i]! : source.slice(i, i + 2);
    if (code >= 0x300 && code <= 0x36f && length > 0 && units[length - 1] !== 32) {
      // A combining accent after its letter: compose them (NFC), so "e\u0301" reads as "é".
      const composed = (String.fromCharCode(units[length - 1]!) + ch).normalize('NFC');
      if (composed.length === 1) {
        units[length - 1] = composed.charCodeAt(0);
        i += 1;
        continue;
      }
    }
    const piece = foldCode(ch.codePointAt(0) ?? code, ch);
    if (units.length - length < n - i + piece.length + 8) {
      const size = 2 * units.length + piece.length;
      const grownUnits = new Uint16Array(size);
      grownUnits.set(units);
      units = grownUnits;
      const grownMap = new Int32Array(size);
      grownMap.set(map);
      map = grownMap;
    }
    for (let k = 0; k < piece.length; k++) {
      const unit = piece.charCodeAt(k);
      if (unit === 32) {
        if (lastWasSpace) continue;
        lastWasSpace = true;
      } else {
        lastWasSpace = false;
      }
      units[length] = unit;
      map[length++] = i;
    }
    i += width;
  }
  if (length > 0 && units[length - 1] === 32) length--;
  return { text: loneSurrogate ? fromUnits(units, length) : utf16.decode(units.subarray(0, length)), map: map.slice(0, length) };
}

/**
 * Normalise `source`, collapsing whitespace runs into one space and trimming both ends.
 */
export function normaliseWithMap(source: string): MappedText {
  const packed = normalisePacked(source);
  return { text: packed.text, map: Array.from(packed.map) };
}

/** Normalised text without the map: for quotes and for comparing strings. */
export function normalise(source: string): string {
  return normalisePacked(source).text;
}
