import { describe, expect, it } from 'vitest';
import { findQuote, MIN_QUOTE_LENGTH } from '../../lib/core/match/find-quote';
import { normalise } from '../../lib/core/text/normalise';
import { seedText } from './fixtures/seed';

describe('findQuote', () => {
  it('finds a quote despite typography: curly quotes, dashes, no-break spaces, soft hyphens, case', () => {
    const page = normalise('He said: \u201CIt was an\u00A0\u201Cinac\u00ADcurate report\u201D \u2014 nothing more.\u201D');
    const hits = findQuote(page, { exact: 'It was an "inaccurate report" - nothing more.' });
    expect(hits).toHaveLength(1);
    const hit = hits[0]!;
    expect(page.slice(hit.start, hit.end)).toBe('it was an "inaccurate report" - nothing more.');
    expect(hit.context).toBe(1);
  });

  it('gives positions in the normalised haystack', () => {
    const page = normalise('Intro.   The official told the Global Times on Friday.');
    const [hit] = findQuote(page, { exact: 'the official told the Global Times' });
    expect(hit).toEqual({ start: 7, end: 7 + 'the official told the global times'.length, context: 1 });
  });

  it('returns [] when the quote is not there or is empty', () => {
    const page = normalise('A senior official on Friday disputed a report.');
    expect(findQuote(page, { exact: 'a junior official on Monday' })).toEqual([]);
    expect(findQuote(page, { exact: '  \u200B ' })).toEqual([]);
    expect(findQuote('', { exact: 'anything at all here' })).toEqual([]);
  });

  it('ranks occurrences by agreeing prefix and suffix context', () => {
    const page = normalise(
      'Earlier, the centre sent a letter to companies last year. Later the ministry said the centre sent a letter to companies in July. Then nothing.',
    );
    const quote = { exact: 'the centre sent a letter to companies', prefix: 'the ministry said ', suffix: ' in July.' };
    const hits = findQuote(page, quote);
    expect(hits).toHaveLength(2);
    expect(hits[0]!.start).toBe(page.lastIndexOf('the centre sent'));
    expect(hits[0]!.context).toBe(1);
    expect(hits[1]!.start).toBe(page.indexOf('the centre sent'));
    expect(hits[1]!.context).toBeLessThan(0.5);
  });

  it('uses the suffix alone when there is no prefix', () => {
    const page = normalise('the report was wrong, he said. the report was right, she said.');
    const hits = findQuote(page, { exact: 'the report was', suffix: ' right, she said' });
    expect(hits.map((hit) => hit.start)).toEqual([page.lastIndexOf('the report was'), 0]);
  });

  it('orders equally good occurrences by position', () => {
    const page = normalise('pure speculation here and pure speculation there');
    const hits = findQuote(page, { exact: 'pure speculation' });
    expect(hits.map((hit) => hit.start)).toEqual([0, page.lastIndexOf('pure speculation')]);
  });

  it('finds overlapping occurrences', () => {
    const page = 'abababababababab';
    expect(findQuote(page, { exact: 'abababababab' }).map((hit) => hit.start)).toEqual([0, 2, 4]);
  });

  it('keeps a short quote only where its context agrees', () => {
    expect(MIN_QUOTE_LENGTH).toBe(12);
    const page = normalise('The pledge was news. Officials said the pledge is a letter. A pledge drive began.');
    const hits = findQuote(page, { exact: 'the pledge', prefix: 'officials said ', suffix: ' is a letter' });
    expect(hits).toHaveLength(1);
    expect(hits[0]!.start).toBe(page.indexOf('the pledge is'));
  });

  it('drops a short quote whose context does not agree anywhere', () => {
    const page = normalise('The pledge was news. A pledge drive began.');
    expect(findQuote(page, { exact: 'the pledge', prefix: 'officials said ', suffix: ' is a letter' })).toEqual([]);
  });

  it('puts the bar for short quotes at half the context agreeing', () => {
    const quote = { exact: 'the pledge', prefix: 'officials said ', suffix: ' is a letter' }; // weight 14 + 11
    // " said" and "is a letter" agree: (5 + 11) / 25
    const kept = findQuote(normalise('The ministry said the pledge is a letter.'), quote);
    expect(kept).toHaveLength(1);
    expect(kept[0]!.context).toBeCloseTo(16 / 25);
    // " said" and "is a " agree: (5 + 5) / 25, below one half
    expect(findQuote(normalise('The ministry said the pledge is a bottle.'), quote)).toEqual([]);
  });

  it('keeps a long quote even where its context does not agree, ranked by context', () => {
    const page = normalise('Nothing before. they would not harm national security. Nothing after.');
    const hits = findQuote(page, { exact: 'they would not harm national security', prefix: 'promise that ', suffix: ' and would store' });
    expect(hits).toHaveLength(1);
    expect(hits[0]!.context).toBeLessThan(0.5);
  });

  // MIN_QUOTE_LENGTH's documentation: "Quotes shorter than this (normalised) are too common to
  // anchor without agreeing context." A short quote with no prefix or suffix has no agreeing
  // context, yet scores context 1 and is anchored at every occurrence. See the report.
  it('does not anchor a short quote that has no context at all', () => {
    const page = normalise('The pledge was news. Officials said the pledge is a letter. Another pledge drive began.');
    expect(findQuote(page, { exact: 'pledge' })).toEqual([]);
  });

  it('finds the seed dataset\u2019s Global Times quotes in the seed article, once each, with full context', () => {
    const page = normalise(seedText);
    const quote = {
      prefix: 'was published on Wednesday. ',
      exact: 'The official of a related government department who asked for anonymity told the Global Times on Friday that it was an "inaccurate report."',
      suffix: ' The newspaper also cited one',
    };
    const hits = findQuote(page, quote);
    expect(hits).toHaveLength(1);
    expect(hits[0]!.context).toBe(1);
    expect(page.slice(hits[0]!.start - 'wednesday. '.length, hits[0]!.start)).toBe('wednesday. ');
  });
});
