import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalise, normaliseCodePoint, normalisePacked, normaliseWithMap } from '../../../lib/core/text/normalise';

/** The definition: one code point at a time, a combining accent composed with the letter before it, whitespace runs collapsed, ends trimmed. */
function reference(source: string): { text: string; map: number[] } {
  const out: string[] = [];
  const map: number[] = [];
  let lastWasSpace = true;
  let i = 0;
  for (const ch of source) {
    const code = ch.charCodeAt(0);
    const last = out[out.length - 1];
    if (code >= 0x300 && code <= 0x36f && last !== undefined && last !== ' ') {
      const composed = (last + ch).normalize('NFC');
      if (composed.length === 1) {
        out[out.length - 1] = composed;
        i += ch.length;
        continue;
      }
    }
    for (const unit of normaliseCodePoint(ch)) {
      if (unit === ' ') {
        if (lastWasSpace) continue;
        lastWasSpace = true;
      } else lastWasSpace = false;
      for (let k = 0; k < unit.length; k++) {
        out.push(unit[k]!);
        map.push(i);
      }
    }
    i += ch.length;
  }
  if (out[out.length - 1] === ' ') {
    out.pop();
    map.pop();
  }
  return { text: out.join(''), map };
}

const pieces = ['a', 'Z', 'Hello', 'x.Y', ' ', '  ', '\n', '\t', '\r\n  ', '\u00A0', '\u2019', '\u201C', '\u2014', '\u00AD', '\u200B', '\uFB01', '\uFF21', '中', '\u3000', '`', '😀', 'É', '\u3002', 'e\u0301', '\u0301', '\u0308', 'A\u0300b', '\u007F', '\u0130', 'Plain words here.', 'x`y', 'OK, fine', ' - ', '\u00E9', '\uD800', '\uDC00'];

describe('normalisePacked', () => {
  it('gives the same text and map as the code-point-by-code-point definition', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const source = parts.join('');
        const packed = normalisePacked(source);
        const expected = reference(source);
        expect(packed.text).toBe(expected.text);
        expect([...packed.map]).toEqual(expected.map);
        expect(normaliseWithMap(source)).toEqual(expected);
        expect(normalise(source)).toBe(expected.text);
      }),
      { numRuns: 1000 },
    );
  });

  it('handles long text (the buffers grow)', () => {
    const source = 'ﬁ'.repeat(5000);
    expect(normalisePacked(source).text).toBe('fi'.repeat(5000));
    // Expansions first, then plain ASCII copied in runs: the map still has room for every unit.
    const mixed = `${'ﬁ'.repeat(3000)}${'Ab '.repeat(4000)}`;
    const packed = normalisePacked(mixed);
    expect(packed.text).toBe(reference(mixed).text);
    expect([...packed.map]).toEqual(reference(mixed).map);
  });
});
