import { describe, expect, it } from 'vitest';
import { snapToWords, trimToQuote } from '../../../lib/core/match/anchor-quote';

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

describe('trimToQuote', () => {
  it('drops leading and trailing spaces and punctuation the quote does not have there, and keeps its own', () => {
    const text = 'it is immutable now. a note reportedly: since this fix is public, it is immutable. it is';
    const start = text.indexOf('. a note');
    const end = text.lastIndexOf('immutable.') + 'immutable. '.length;
    const [from, to] = trimToQuote(text, start, end, 'a final note: since this fix is public, it is immutable.');
    expect(text.slice(from, to)).toBe('a note reportedly: since this fix is public, it is immutable.');
    expect(trimToQuote(text, start, end, '. a final note: since this fix is public, it is immutable.')).toEqual([start, end - 1]);
  });
});
