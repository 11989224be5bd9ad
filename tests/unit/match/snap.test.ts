import { describe, expect, it } from 'vitest';
import { snapToWords } from '../../../lib/core/match/anchor-quote';

describe('snapToWords', () => {
  const text = 'it was probably under pressure from the regulator';

  it('widens a match that starts or ends inside a word to the whole word', () => {
    const start = text.indexOf('robably');
    const end = text.indexOf('regulator') + 'regul'.length;
    const [from, to] = snapToWords(text, start, end);
    expect(text.slice(from, to)).toBe('probably under pressure from the regulator');
  });

  it('leaves matches on word boundaries alone', () => {
    const start = text.indexOf('under');
    const end = start + 'under pressure'.length;
    expect(snapToWords(text, start, end)).toEqual([start, end]);
  });

  it('does not run on through text written without spaces', () => {
    const zh = '官员表示这是不准确的报道';
    expect(snapToWords(zh, 2, 6)).toEqual([2, 6]);
  });
});
