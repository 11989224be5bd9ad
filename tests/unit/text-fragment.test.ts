import { describe, expect, it } from 'vitest';
import { textFragmentLink } from '../../lib/core/text-fragment';

const NYT = 'https://www.nytimes.com/2015/09/17/technology/china-tries-to-extract-pledge-of-compliance-from-us-tech-firms.html';

describe('textFragmentLink', () => {
  it('selects a short quote whole, spaces as %20', () => {
    expect(textFragmentLink('https://example.com/a', 'pure speculation')).toBe('https://example.com/a#:~:text=pure%20speculation');
  });

  it('keeps up to nine words whole', () => {
    expect(textFragmentLink('https://example.com/a', 'one two three four five six seven eight nine')).toBe(
      'https://example.com/a#:~:text=one%20two%20three%20four%20five%20six%20seven%20eight%20nine',
    );
  });

  it('turns a longer quote into start,end of four clean words each', () => {
    expect(textFragmentLink('https://example.com/a', 'one two three four five six seven eight nine ten')).toBe(
      'https://example.com/a#:~:text=one%20two%20three%20four,seven%20eight%20nine%20ten',
    );
  });

  it('stops the start and end at the first word with punctuation', () => {
    expect(textFragmentLink('https://example.com/a', 'The "pledge" is in fact a letter sent by the China Information Security Certification Center')).toBe(
      'https://example.com/a#:~:text=The,Information%20Security%20Certification%20Center',
    );
    expect(textFragmentLink('https://example.com/a', 'Alpha beta, gamma delta epsilon zeta eta theta iota, kappa lambda')).toBe(
      'https://example.com/a#:~:text=Alpha,kappa%20lambda',
    );
  });

  it('falls back to the whole quote when an edge word has punctuation', () => {
    const quote = '"Hello," she said, one two three four five six seven eight';
    expect(textFragmentLink('https://example.com/a', quote)).toBe(`https://example.com/a#:~:text=${encodeURIComponent(quote).replace(/-/g, '%2D')}`);
    expect(textFragmentLink('https://example.com/a', 'one two three four five six seven eight nine "ten."')).toContain('#:~:text=one%20two%20three');
    expect(textFragmentLink('https://example.com/a', 'one two three four five six seven eight nine "ten."')).not.toContain(',');
  });

  it('encodes "-", "," and "&", which are syntax in a text directive', () => {
    const link = textFragmentLink('https://example.com/a', 'state-run media, A&B');
    expect(link).toBe('https://example.com/a#:~:text=state%2Drun%20media%2C%20A%26B');
    const directive = link.split('#:~:text=')[1]!;
    expect(directive).not.toMatch(/[-,&]/);
  });

  it('collapses whitespace in the quote', () => {
    expect(textFragmentLink('https://example.com/a', '  pure \n\t speculation ')).toBe('https://example.com/a#:~:text=pure%20speculation');
  });

  it('replaces an existing fragment and keeps the query', () => {
    expect(textFragmentLink('https://example.com/a?id=3#comments', 'pure speculation')).toBe('https://example.com/a?id=3#:~:text=pure%20speculation');
    expect(textFragmentLink('https://example.com/a#:~:text=old', 'new')).toBe('https://example.com/a#:~:text=new');
  });

  it('returns the bare URL (without its fragment) for an empty quote', () => {
    expect(textFragmentLink('https://example.com/a#x', '   ')).toBe('https://example.com/a');
  });

  it('links into the New York Times report of the seed dataset', () => {
    expect(textFragmentLink(NYT, "they would not harm China's national security and would store Chinese user data within the country")).toBe(
      `${NYT}#:~:text=they%20would%20not%20harm,data%20within%20the%20country`,
    );
    expect(textFragmentLink(NYT, "could bring fresh restrictions or penalties for companies in China's enormous market")).toBe(
      `${NYT}#:~:text=could%20bring%20fresh%20restrictions,enormous%20market`,
    );
    expect(textFragmentLink(NYT, "most likely under pressure from China's main Internet regulator")).toBe(
      `${NYT}#:~:text=most%20likely%20under%20pressure%20from%20China's%20main%20Internet%20regulator`,
    );
  });
});
